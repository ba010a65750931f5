import { ddl } from './migration'

/** Whether a user's phone was verified by WeChat's 手机号快速验证 or only typed (see SQLite's 010). */
export const m010PhoneVerified = ddl(10, 'users.phone_verified', `ALTER TABLE users ADD COLUMN phone_verified boolean NOT NULL DEFAULT false`)
