import { z } from 'zod'
import { idSchema, pageSchema, text } from '../shared/text'

/** The caller's community and its grids (community.get). */

export interface GridRef {
  id: string
  name: string
}

/** A grid as community.get shows it: with the phone its committee publishes for it (null: none yet). */
export interface GridView extends GridRef {
  /** 网格服务电话: a number the committee chose to publish, never a worker's private one */
  servicePhone: string | null
}

export interface CommunityView {
  id: string
  name: string
  streetName: string
  grids: GridView[]
}

/** A landline with its area code (0575-87654321, with an extension -123) or a mobile number. */
export const SERVICE_PHONE = /^(?:0\d{2,3}-?\d{7,8}(?:-\d{1,6})?|1[3-9]\d{9}|\d{3,8})$/

/** community.setGridPhone: the committee publishes (or, with null, withdraws) a grid's service phone. */
export const gridPhoneSchema = z.strictObject({
  gridId: idSchema,
  servicePhone: z
    .string({ error: '请填写服务电话' })
    .trim()
    .max(20, { message: '电话号码太长了', abort: true })
    .regex(SERVICE_PHONE, { message: '请填写固定电话（如 0575-87654321）或手机号' })
    .nullable(),
})
export type GridPhoneInput = z.input<typeof gridPhoneSchema>

/** A community as the 选择社区 list shows it: with its street and district, so that two of one name are told apart. */
export interface CommunityChoice {
  id: string
  name: string
  streetName: string
  /** null: the street is placed under no district yet */
  districtName: string | null
}

/** community.list: the communities a new resident chooses from, in the organisation's order; `query` matches a
 * community's, street's or district's name. */
export const communityListSchema = z.strictObject({
  query: text(0, 20, '搜索内容').optional(),
  ...pageSchema,
})
export type CommunityListInput = z.input<typeof communityListSchema>

/** me.chooseCommunity: a new resident says which community they live in (once; a change goes through the committee). */
export const chooseCommunitySchema = z.strictObject({
  communityId: idSchema,
})
export type ChooseCommunityInput = z.input<typeof chooseCommunitySchema>
