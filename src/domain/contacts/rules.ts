/** Time rules of contact logs and the overview's period (pure). */

/** A phone's clock may run a little ahead of the server's: a contact logged up to this much "ahead" is accepted. */
export const CLOCK_SKEW_MS = 5 * 60_000

/** A logged contact may not be in the future (beyond the clock skew). */
export function isInFuture(at: string, now: Date): boolean {
  return Date.parse(at) > now.getTime() + CLOCK_SKEW_MS
}

/** The start of a period of `days` days ending now. */
export function periodStart(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString()
}

/** Households oldest-contacted first: never contacted first, then by the last contact, then by address. */
export function byLastContact<T extends { lastContactAt: string | null; address: string }>(a: T, b: T): number {
  if (a.lastContactAt !== b.lastContactAt) {
    if (a.lastContactAt === null) return -1
    if (b.lastContactAt === null) return 1
    return a.lastContactAt < b.lastContactAt ? -1 : 1
  }
  return a.address < b.address ? -1 : a.address > b.address ? 1 : 0
}

/** A household's address as residents write it: 1栋2单元301. */
export function householdAddress(h: { building: string; unit: string; room: string }): string {
  return `${h.building}${h.unit}${h.room}`
}
