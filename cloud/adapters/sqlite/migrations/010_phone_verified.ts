import type { Migration } from './migration'

/**
 * Whether a user's phone was verified (WeChat's 手机号快速验证 gave it) or only typed. A 户主 claim on a roster
 * household that has a phone is verified at once only with the claimant's verified phone being that number
 * (issue 16). Numbers already stored were typed or unknown: not verified.
 */
export const m010PhoneVerified: Migration = {
  version: 10,
  name: 'users.phone_verified',
  up(db) {
    db.exec(`ALTER TABLE users ADD COLUMN phone_verified INTEGER NOT NULL DEFAULT 0 CHECK (phone_verified IN (0, 1));`)
  },
}
