import { read, write } from '../shared/contract'
import {
  meetingCompleteTaskSchema,
  meetingListSchema,
  meetingOwnersSchema,
  meetingRecordSchema,
  meetingTasksSchema,
  type MeetingOwnerOption,
  type MeetingTaskView,
  type MeetingView,
  type MyMeetingTask,
} from '.'

/** 联席会议: joint meetings on a dispute and the follow-up tasks they hand out. */
export const meetingsContract = {
  'meeting.record': write(meetingRecordSchema).returns<MeetingView>(),
  'meeting.list': read(meetingListSchema).returns<{ meetings: MeetingView[] }>(),
  'meeting.owners': read(meetingOwnersSchema).returns<{ owners: MeetingOwnerOption[] }>(),
  'meeting.tasks': read(meetingTasksSchema).returns<{ tasks: MyMeetingTask[] }>(),
  'meeting.completeTask': write(meetingCompleteTaskSchema).returns<MeetingTaskView>(),
}
