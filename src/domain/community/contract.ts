import { read, write } from '../shared/contract'
import { emptySchema, type Page } from '../shared/text'
import { communityListSchema, gridPhoneSchema, type CommunityChoice, type CommunityView, type GridView } from '.'

export const communityContract = {
  'community.get': read(emptySchema).returns<CommunityView>(),
  /** the communities to choose from at first sign-in (me.chooseCommunity), searchable by name */
  'community.list': read(communityListSchema).returns<Page<CommunityChoice>>(),
  'community.setGridPhone': write(gridPhoneSchema).returns<GridView>(),
}
