import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import { gridPhoneSchema, type CommunityView, type GridView } from '.'

export const communityContract = {
  'community.get': read(emptySchema).returns<CommunityView>(),
  'community.setGridPhone': write(gridPhoneSchema).returns<GridView>(),
}
