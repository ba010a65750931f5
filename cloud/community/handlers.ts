import { communityContract } from '@/domain/community/contract'
import type { Handlers } from '../shared/handlers'
import { listCommunities } from './listCommunities'
import type { Deps } from './ports'
import { setGridPhone } from './setGridPhone'
import { viewMyCommunity } from './viewMyCommunity'

export const communityHandlers: Handlers<typeof communityContract, Deps> = {
  'community.get': viewMyCommunity,
  'community.list': listCommunities,
  'community.setGridPhone': setGridPhone,
}
