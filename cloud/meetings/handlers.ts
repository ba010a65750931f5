import { meetingsContract } from '@/domain/meetings/contract'
import type { Handlers } from '../shared/handlers'
import { assignResponsible } from './assignResponsible'
import { completeMeetingTask } from './completeMeetingTask'
import { listMeetings } from './listMeetings'
import { listMyMeetingTasks } from './listMyMeetingTasks'
import { listTaskOwners } from './listTaskOwners'
import type { Deps } from './ports'
import { recordMeeting } from './recordMeeting'
import { viewDisputeFigures } from './viewDisputeFigures'

export const meetingsHandlers: Handlers<typeof meetingsContract, Deps> = {
  'meeting.record': recordMeeting,
  'meeting.list': listMeetings,
  'meeting.owners': listTaskOwners,
  'meeting.tasks': listMyMeetingTasks,
  'meeting.completeTask': completeMeetingTask,
  'meeting.summary': viewDisputeFigures,
  'meeting.assignResponsible': assignResponsible,
}
