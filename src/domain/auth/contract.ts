import { read, write } from '../shared/contract'
import { emptySchema } from '../shared/text'
import { setPhoneSchema } from '../residents'
import { devLoginSchema, wxLoginSchema, type Me, type Session } from '.'

export const authContract = {
  'auth.devLogin': write(devLoginSchema, 'public').returns<Session>(),
  'auth.wxLogin': write(wxLoginSchema, 'public').returns<Session>(),
  'me.get': read(emptySchema).returns<Me>(),
  'me.setPhone': write(setPhoneSchema).returns<Me>(),
}
