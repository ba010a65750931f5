import { authContract } from '@/domain/auth/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { setMyPhone } from './setPhone'
import { signInForDevelopment } from './devLogin'
import { signInWithWechat } from './wxLogin'
import { viewMyProfile } from './me'

export const authHandlers: Handlers<typeof authContract, Deps> = {
  'auth.devLogin': signInForDevelopment,
  'auth.wxLogin': signInWithWechat,
  'me.get': viewMyProfile,
  'me.setPhone': setMyPhone,
}
