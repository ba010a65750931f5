import { membersContract } from '@/domain/members/contract'
import type { Handlers } from '../shared/handlers'
import { assignGrids } from './assignGrids'
import { listMembers } from './listMembers'

export const membersHandlers: Handlers<typeof membersContract> = {
  'member.list': listMembers,
  'member.assignGrids': assignGrids,
}
