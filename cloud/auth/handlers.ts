import { authContract } from '@/domain/auth/contract'
import type { Handlers } from '../shared/handlers'
import { chooseMyCommunity } from './chooseMyCommunity'
import type { Deps } from './ports'
import { setMyPhone } from './setMyPhone'
import { signInForDevelopment } from './signInForDevelopment'
import { signInOnCloud } from './signInOnCloud'
import { signInWithWechat } from './signInWithWechat'
import { viewMyProfile } from './viewMyProfile'

export const authHandlers: Handlers<typeof authContract, Deps> = {
  'auth.devLogin': signInForDevelopment,
  'auth.wxLogin': signInWithWechat,
  'auth.cloudLogin': signInOnCloud,
  'me.get': viewMyProfile,
  'me.setPhone': setMyPhone,
  'me.chooseCommunity': chooseMyCommunity,
}
