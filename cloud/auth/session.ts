import type { Session } from '@/domain/auth'
import type { Deps } from './ports'
import type { UserRecord } from '../shared/ports'
import { toMe } from './viewMyProfile'

export async function sessionFor(deps: Deps, user: UserRecord): Promise<Session> {
  const { token, expiresAt } = await deps.tokens.issue(user.id)
  return { token, expiresAt, user: await toMe(deps, user) }
}
