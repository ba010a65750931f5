/**
 * Issue 16, finding 9: a session token must carry its expiry. A token signed with the right key but without
 * `exp` (or `iat`, or the subject) never expires, so it is refused like a forged one.
 */
import { SignJWT } from 'jose'
import { fixedClock } from '../../cloud/adapters/system/clock'
import { createTokens } from '../../cloud/auth/tokens'

const SECRET = 'unit-test-secret-unit-test-secret'
const clock = fixedClock('2025-03-01T02:00:00.000Z')
const tokens = createTokens(SECRET, clock)
const key = new TextEncoder().encode(SECRET)
const now = Math.floor(clock.now().getTime() / 1000)

function signed(claims: { sub?: string; iat?: boolean; exp?: number | null }): Promise<string> {
  let jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuer('gongzhi').setAudience('gongzhi-api')
  if (claims.sub !== undefined) jwt = jwt.setSubject(claims.sub)
  if (claims.iat !== false) jwt = jwt.setIssuedAt(now)
  if (claims.exp !== null) jwt = jwt.setExpirationTime(claims.exp ?? now + 3600)
  return jwt.sign(key)
}

test('an issued token verifies', async () => {
  expect(await tokens.verify((await tokens.issue('u_1')).token)).toBe('u_1')
  expect(await tokens.verify(await signed({ sub: 'u_1' }))).toBe('u_1')
})

test('a token without exp is refused', async () => {
  expect(await tokens.verify(await signed({ sub: 'u_1', exp: null }))).toBeNull()
})

test('without iat or subject: refused', async () => {
  expect(await tokens.verify(await signed({ sub: 'u_1', iat: false }))).toBeNull()
  expect(await tokens.verify(await signed({}))).toBeNull()
})

test('an exp further out than a session lasts is refused (a token minted to last forever)', async () => {
  expect(await tokens.verify(await signed({ sub: 'u_1', exp: now + 400 * 24 * 3600 }))).toBeNull()
})

test('expired: refused', async () => {
  expect(await tokens.verify(await signed({ sub: 'u_1', exp: now - 1 }))).toBeNull()
})
