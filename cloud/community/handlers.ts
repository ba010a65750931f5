import { communityContract } from '@/domain/community/contract'
import type { Handlers } from '../shared/handlers'
import { viewMyCommunity } from './viewCommunity'

export const communityHandlers: Handlers<typeof communityContract> = {
  'community.get': viewMyCommunity,
}
