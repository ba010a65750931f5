import { randomBytes } from 'node:crypto'
import { SignJWT, jwtVerify } from 'jose'
import type { Clock, SettingsRepo } from '../shared/ports'

export const TOKEN_TTL_MS = 7 * 24 * 3600 * 1000
const ISSUER = 'gongzhi'
const AUDIENCE = 'gongzhi-api'

export interface Tokens {
  issue(userId: string): Promise<{ token: string; expiresAt: string }>
  /** The user id of a valid token; null when the token is malformed, forged or expired. */
  verify(token: string): Promise<string | null>
}

/** Session tokens: HS256 JWT, subject = user id, 7 days; `exp`, `iat` and `sub` required. */
export function createTokens(secret: string, clock: Clock): Tokens {
  const key = new TextEncoder().encode(secret)
  return {
    async issue(userId) {
      const now = clock.now()
      const exp = new Date(now.getTime() + TOKEN_TTL_MS)
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(Math.floor(now.getTime() / 1000))
        .setExpirationTime(Math.floor(exp.getTime() / 1000))
        .sign(key)
      return { token, expiresAt: new Date(Math.floor(exp.getTime() / 1000) * 1000).toISOString() }
    },
    async verify(token) {
      if (token.length > 2048) return null
      try {
        // a token must say when it ends, and not later than a session lasts: one without `exp` (or with an exp
        // years out) signed by a leaked key would never expire
        const { payload } = await jwtVerify(token, key, {
          algorithms: ['HS256'],
          issuer: ISSUER,
          audience: AUDIENCE,
          currentDate: clock.now(),
          requiredClaims: ['exp', 'iat', 'sub'],
          maxTokenAge: TOKEN_TTL_MS / 1000,
        })
        if (payload.exp! - payload.iat! > TOKEN_TTL_MS / 1000) return null
        return typeof payload.sub === 'string' && payload.sub.length > 0 ? payload.sub : null
      } catch {
        return null
      }
    },
  }
}

/** GONGZHI_SECRET, else a secret generated on first start and kept in settings so tokens survive restarts. */
export async function resolveSecret(configured: string | null, settings: SettingsRepo): Promise<string> {
  if (configured) return configured
  return settings.getOrSet('token_secret', randomBytes(32).toString('base64url'))
}
