import { z } from 'zod'
import type { MyHousehold } from '../residents'
import { ROLES, type Role } from '../shared/roles'
import type { GridRef } from '../community'
import { idSchema, plainString, text } from '../shared/text'

export const devLoginSchema = z.strictObject({
  role: z.enum(ROLES, { message: '请选择角色' }),
  name: text(1, 20, '姓名').optional(),
  verified: z.boolean().optional(),
  communityId: idSchema.optional(),
  gridId: idSchema.optional(),
})
export type DevLoginInput = z.input<typeof devLoginSchema>

export const wxLoginSchema = z.strictObject({
  code: plainString(128, '登录凭证').refine((s) => s.length > 0, { message: '缺少登录凭证' }),
})
export type WxLoginInput = z.infer<typeof wxLoginSchema>

export interface Me {
  id: string
  name: string
  roles: Role[]
  communityId: string | null
  communityName: string | null
  gridId: string | null
  gridName: string | null
  /** grids a grid worker is responsible for */
  grids: GridRef[]
  verified: boolean
  phone: string | null
  /** the household a verified resident is bound to (head's name masked unless the caller is the head) */
  household: MyHousehold | null
}

export interface Session {
  token: string
  expiresAt: string
  user: Me
}
