import { z } from 'zod'
import { idSchema } from '../shared/text'

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
