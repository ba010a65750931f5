import { z } from 'zod'
import { ROLES } from '../shared/roles'
import { idSchema, pageSchema, text } from '../shared/text'

/** 人员管理: the committee's list of the people of its community and who is a 网格员. */

export const memberAssignGridsSchema = z.strictObject({
  userId: idSchema,
  /** [] takes the 网格员 role away */
  gridIds: z.array(idSchema).max(20, { message: '一次最多 20 个网格' }),
})
export type MemberAssignGridsInput = z.infer<typeof memberAssignGridsSchema>

export const memberListSchema = z.strictObject({
  role: z.enum(ROLES).optional(),
  /** name or phone digits */
  query: text(0, 20, '搜索内容').optional(),
  ...pageSchema,
})
export type MemberListInput = z.input<typeof memberListSchema>

export interface MemberView {
  id: string
  name: string
  phone: string | null
  roles: string[]
  gridId: string | null
  gridName: string | null
  grids: { id: string; name: string }[]
  verified: boolean
  /** registered by the committee for someone without a smartphone */
  rosterOnly: boolean
  /**
   * Their household's building/unit/room (3栋2单元301), so the committee can tell two people of one name apart;
   * only for the committee of their community, null otherwise or when not bound to a household.
   */
  address: string | null
}
