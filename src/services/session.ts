import type { Me, Session } from '@/domain/auth'
import { readStorage, removeStorage, writeStorage } from './storage'

const KEY = 'gongzhi.session'

type Listener = () => void
const listeners = new Set<Listener>()

// Cache by the stored value, so useSyncExternalStore sees a stable object between changes.
let cachedRaw: string | null = null
let cached: Session | null = null

function isSession(v: unknown): v is Session {
  const s = v as Session | null
  return !!s && typeof s.token === 'string' && typeof s.expiresAt === 'string' && !!s.user && Array.isArray(s.user.roles)
}

/** The signed-in session, or null when there is none or it has expired. */
export function getSession(): Session | null {
  const raw = readStorage<string>(KEY)
  if (raw !== cachedRaw) {
    cachedRaw = raw
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : null
      cached = isSession(parsed) ? parsed : null
    } catch {
      cached = null
    }
  }
  if (cached && Date.parse(cached.expiresAt) <= Date.now()) return null
  return cached
}

export function getToken(): string | null {
  return getSession()?.token ?? null
}

export function setSession(session: Session): void {
  writeStorage(KEY, JSON.stringify(session))
  notify()
}

/** Keep the token, refresh the profile (after `me.get`). */
export function updateMe(user: Me): void {
  const s = getSession()
  if (!s) return
  setSession({ ...s, user })
}

export function clearSession(): void {
  removeStorage(KEY)
  notify()
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

function notify(): void {
  for (const l of [...listeners]) l()
}
