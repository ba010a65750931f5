import { read, write } from '../shared/contract'
import type { Page } from '../shared/text'
import { memberAssignGridsSchema, memberListSchema, type MemberView } from '.'

export const membersContract = {
  'member.list': read(memberListSchema).returns<Page<MemberView>>(),
  'member.assignGrids': write(memberAssignGridsSchema).returns<MemberView>(),
}
