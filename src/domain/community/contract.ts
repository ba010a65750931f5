import { read } from '../shared/contract'
import { emptySchema } from '../shared/text'
import type { CommunityView } from '.'

export const communityContract = {
  'community.get': read(emptySchema).returns<CommunityView>(),
}
