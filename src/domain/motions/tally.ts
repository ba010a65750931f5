// Quorum and decision rules of a motion (村民委员会组织法 Art. 22, 城市居民委员会组织法 the same shape):
// the meeting needs more than half of the adults, or representatives of at least two thirds of the
// households; a decision needs more than half of those present — abstentions are present, so they
// count in the denominator. Integer arithmetic only: every comparison is a cross-multiplication,
// never a floating division.
//
// Where the AND lives: `quorumMet` and `decide` are independent; a motion passes only when both
// hold. `outcome` is that conjunction, and it is the one place that says so.

export type Eligibility = 'adults' | 'households'
export type MotionKindForTally = 'rules' | 'matter'

/** The eligible base, frozen from the roster when voting opened. */
export interface TallyBase {
  adults: number
  households: number
}

/** Ballots cast: by channel, their sum, and the number of distinct households that voted. */
export interface CastCounts {
  online: number
  offline: number
  total: number
  households: number
}

function count(n: number): number {
  return Number.isSafeInteger(n) && n > 0 ? n : 0
}

/**
 * adults: total > base.adults / 2 (that is, total * 2 > base.adults);
 * households: households * 3 >= base.households * 2.
 * An empty base (0 eligible) never meets quorum.
 */
export function quorumMet(eligibility: Eligibility, base: TallyBase, cast: CastCounts): boolean {
  if (eligibility === 'adults') {
    const b = count(base.adults)
    return b > 0 && count(cast.total) * 2 > b
  }
  const b = count(base.households)
  return b > 0 && count(cast.households) * 3 >= b * 2
}

/**
 * The smallest turnout (ballots for adults, households for households) that meets the quorum: more than half of
 * the adults, two thirds of the households. An empty base is never met; its figure is 1 (one more than nobody).
 */
export function quorumNeeded(eligibility: Eligibility, base: TallyBase): number {
  if (eligibility === 'adults') return Math.floor(count(base.adults) / 2) + 1
  const b = count(base.households)
  return b > 0 ? Math.ceil((b * 2) / 3) : 1
}

/**
 * rules: passed when yes * 2 > total (abstentions count as cast); winner is always null.
 * matter: the option (index) with more than half of the ballots cast wins; null when none
 * (a tie or a plurality short of half is no decision). Zero ballots never pass.
 */
export function decide(
  kind: MotionKindForTally,
  tally: Record<string, number>,
  total: number,
): { passed: boolean; winner: number | null } {
  const t = count(total)
  if (t === 0) return { passed: false, winner: null }
  if (kind === 'rules') return { passed: count(tally.yes ?? 0) * 2 > t, winner: null }
  for (const [key, n] of Object.entries(tally)) {
    if (!/^(0|[1-9]\d*)$/.test(key)) continue
    if (count(n) * 2 > t) return { passed: true, winner: Number(key) }
  }
  return { passed: false, winner: null }
}

export interface Outcome {
  quorumMet: boolean
  /** quorum met AND the decision carried */
  passed: boolean
  /** matter: the winning option when passed; rules: null */
  winner: number | null
}

/** The published outcome: a motion passes only when the quorum is met AND the decision carries. */
export function outcome(
  kind: MotionKindForTally,
  eligibility: Eligibility,
  base: TallyBase,
  cast: CastCounts,
  tally: Record<string, number>,
): Outcome {
  const q = quorumMet(eligibility, base, cast)
  const d = decide(kind, tally, cast.total)
  const passed = q && d.passed
  return { quorumMet: q, passed, winner: passed ? d.winner : null }
}
