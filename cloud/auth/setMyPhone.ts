import type { Me } from '@/domain/auth'
import { AppError } from '@/domain/shared/errors'
import { phoneSchema, type setPhoneSchema } from '@/domain/residents'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { toMe } from './viewMyProfile'

/**
 * me.setPhone — someone gives their phone number: typed, or through WeChat's 手机号快速验证 button
 * (the button's code is exchanged server-side; the number never passes through the client unverified).
 * Only the latter is a verified phone (it can confirm a 户主 claim); typing a number over it unverifies it.
 */
export async function setMyPhone(input: z.output<typeof setPhoneSchema>, ctx: UserCtx): Promise<Me> {
  const { deps, user } = ctx
  let phone: string
  const verified = !('phone' in input)
  if ('phone' in input) {
    phone = input.phone
  } else {
    if (!deps.wechatPhone) throw new AppError('FORBIDDEN', '未配置微信手机号快速验证，请直接填写')
    const parsed = phoneSchema.safeParse(await deps.wechatPhone.phoneNumber(input.phoneCode))
    if (!parsed.success) throw new AppError('INVALID_INPUT', '微信返回的不是大陆手机号，请直接填写', [{ path: 'phone', message: '请直接填写手机号' }])
    phone = parsed.data
  }
  const updated = await deps.store.users.setPhone(user.id, phone, verified)
  if (!updated) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  return toMe(deps, updated)
}
