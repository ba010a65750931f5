/** What sign-in and the caller's own profile need from the outside world. */
import type { HouseholdRepo, ResidentApplicationRepo } from '../residents'
import type * as shared from '../shared/context'
import type { CommunityRepo, UserRepo } from '../shared/ports'
import type { Tokens } from './tokens'

/** code2Session of WeChat: a login code → the user's openid. */
export interface WechatAuth {
  code2Session(code: string): Promise<{ openid: string; unionid?: string }>
}

/** WeChat's 手机号快速验证: the code of a getPhoneNumber button → the number (getuserphonenumber). */
export interface WechatPhone {
  phoneNumber(code: string): Promise<string>
}

// ---------- what this feature's use cases receive ----------

/** The repositories sign-in and me.get use (a profile shows the household the person is bound to). */
export interface AuthStore {
  users: UserRepo
  communities: CommunityRepo
  households: HouseholdRepo
  residentApplications: ResidentApplicationRepo
}

export interface Deps extends shared.Deps<AuthStore> {
  /** code2Session; null when WeChat is not configured */
  wechat: WechatAuth | null
  /** 手机号快速验证; null when WeChat is not configured */
  wechatPhone: WechatPhone | null
  tokens: Tokens
  devLogin: boolean
}
export type Ctx = shared.Ctx<Deps>
export type UserCtx = shared.UserCtx<Deps>
