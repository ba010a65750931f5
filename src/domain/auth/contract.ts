import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import { chooseCommunitySchema } from '../community'
import { setPhoneSchema } from '../residents'
import { devLoginSchema, wxLoginSchema, type Me, type Session } from '.'

export const authContract = {
  'auth.devLogin': write(devLoginSchema, 'public').returns<Session>(),
  'auth.wxLogin': write(wxLoginSchema, 'public').returns<Session>(),
  /** the mini-program on WeChat 云开发: the caller is the platform's OPENID (cloud door only) */
  'auth.cloudLogin': write(emptySchema, 'public').returns<Session>(),
  'me.get': read(emptySchema).returns<Me>(),
  'me.setPhone': write(setPhoneSchema).returns<Me>(),
  /** a new WeChat user (no community yet, no staff role) says which community they live in: once */
  'me.chooseCommunity': write(chooseCommunitySchema).returns<Me>(),
}
