import { read, write } from '../shared/contract'
import {
  meetingAssignResponsibleSchema,
  meetingCompleteTaskSchema,
  meetingListSchema,
  meetingOwnersSchema,
  meetingRecordSchema,
  meetingSummarySchema,
  meetingTasksSchema,
  type DisputeFigures,
  type MeetingOwnerOption,
  type MyDispute,
  type ResponsibleView,
  type MeetingTaskView,
  type MeetingView,
  type MyMeetingTask,
} from '.'

/** 联席会议: joint meetings on a dispute and the follow-up tasks they hand out; 包保责任制 on disputes. */
export const meetingsContract = {
  'meeting.record': write(meetingRecordSchema).returns<MeetingView>(),
  'meeting.list': read(meetingListSchema).returns<{ meetings: MeetingView[]; responsible: ResponsibleView | null }>(),
  'meeting.owners': read(meetingOwnersSchema).returns<{ owners: MeetingOwnerOption[] }>(),
  'meeting.tasks': read(meetingTasksSchema).returns<{ tasks: MyMeetingTask[]; disputes: MyDispute[] }>(),
  'meeting.summary': read(meetingSummarySchema).returns<DisputeFigures>(),
  'meeting.assignResponsible': write(meetingAssignResponsibleSchema).returns<ResponsibleView>(),
  'meeting.completeTask': write(meetingCompleteTaskSchema).returns<MeetingTaskView>(),
}
