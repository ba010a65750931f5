import { membersContract } from '@/domain/members/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { assignGrids } from './assignGrids'
import { listMembers } from './listMembers'

export const membersHandlers: Handlers<typeof membersContract, Deps> = {
  'member.list': listMembers,
  'member.assignGrids': assignGrids,
}
