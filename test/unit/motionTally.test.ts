import { decide, outcome, quorumMet, quorumNeeded, type CastCounts } from '@/domain/motions/tally'

function cast(total: number, households = total, offline = 0): CastCounts {
  return { online: total - offline, offline, total, households }
}
const base = (adults: number, households: number) => ({ adults, households })

describe('quorumMet: adults (more than half of the roster adults)', () => {
  test('even base 100: exactly half (50) is not enough, half plus one (51) is', () => {
    expect(quorumMet('adults', base(100, 40), cast(50))).toBe(false)
    expect(quorumMet('adults', base(100, 40), cast(51))).toBe(true)
  })
  test('odd base 101: 50 is short, 51 (more than 50.5) is enough', () => {
    expect(quorumMet('adults', base(101, 40), cast(50))).toBe(false)
    expect(quorumMet('adults', base(101, 40), cast(51))).toBe(true)
  })
  test('small bases: 1 of 1, 1 of 2, 2 of 3', () => {
    expect(quorumMet('adults', base(1, 1), cast(1))).toBe(true)
    expect(quorumMet('adults', base(2, 1), cast(1))).toBe(false)
    expect(quorumMet('adults', base(2, 1), cast(2))).toBe(true)
    expect(quorumMet('adults', base(3, 1), cast(1))).toBe(false)
    expect(quorumMet('adults', base(3, 1), cast(2))).toBe(true)
  })
  test('zero ballots never meet quorum', () => {
    expect(quorumMet('adults', base(100, 40), cast(0))).toBe(false)
  })
  test('base 0: no quorum, even with ballots', () => {
    expect(quorumMet('adults', base(0, 0), cast(0))).toBe(false)
    expect(quorumMet('adults', base(0, 5), cast(3))).toBe(false)
  })
  test('counts ballots of both channels (total), not households', () => {
    expect(quorumMet('adults', base(10, 10), { online: 3, offline: 3, total: 6, households: 2 })).toBe(true)
    expect(quorumMet('adults', base(10, 10), { online: 5, offline: 0, total: 5, households: 5 })).toBe(false)
  })
  test('large base stays exact (no float rounding)', () => {
    const b = 2 ** 40 + 1
    expect(quorumMet('adults', base(b, 1), cast(2 ** 39))).toBe(false)
    expect(quorumMet('adults', base(b, 1), cast(2 ** 39 + 1))).toBe(true)
  })
})

describe('quorumMet: households (at least two thirds of the roster households)', () => {
  test('base 30: exactly two thirds (20) meets it, one short (19) does not', () => {
    expect(quorumMet('households', base(80, 30), cast(20))).toBe(true)
    expect(quorumMet('households', base(80, 30), cast(19))).toBe(false)
  })
  test('base 31 (two thirds = 20.67): 20 short, 21 enough', () => {
    expect(quorumMet('households', base(80, 31), cast(20))).toBe(false)
    expect(quorumMet('households', base(80, 31), cast(21))).toBe(true)
  })
  test('base 3 and 4, and an even base 6', () => {
    expect(quorumMet('households', base(9, 3), cast(2))).toBe(true)
    expect(quorumMet('households', base(9, 3), cast(1))).toBe(false)
    expect(quorumMet('households', base(9, 4), cast(2))).toBe(false)
    expect(quorumMet('households', base(9, 4), cast(3))).toBe(true)
    expect(quorumMet('households', base(9, 6), cast(4))).toBe(true)
    expect(quorumMet('households', base(9, 6), cast(3))).toBe(false)
  })
  test('counts distinct households, not ballots', () => {
    expect(quorumMet('households', base(9, 3), { online: 5, offline: 0, total: 5, households: 1 })).toBe(false)
    expect(quorumMet('households', base(9, 3), { online: 1, offline: 1, total: 2, households: 2 })).toBe(true)
  })
  test('base 0 never meets quorum; zero households voting never does', () => {
    expect(quorumMet('households', base(10, 0), cast(0))).toBe(false)
    expect(quorumMet('households', base(10, 0), cast(1))).toBe(false)
    expect(quorumMet('households', base(10, 3), cast(0))).toBe(false)
  })
  test('a malformed count (negative, fractional, NaN) counts as zero', () => {
    expect(quorumMet('households', base(10, -3), cast(0))).toBe(false)
    expect(quorumMet('adults', base(10, 3), cast(5.9))).toBe(false)
    expect(quorumMet('adults', base(Number.NaN, 3), cast(5))).toBe(false)
  })
})

describe('decide: rules (赞成 more than half of ballots cast, abstentions cast)', () => {
  test('exactly half yes fails, half plus one passes (even total)', () => {
    expect(decide('rules', { yes: 5, no: 5, abstain: 0 }, 10)).toEqual({ passed: false, winner: null })
    expect(decide('rules', { yes: 6, no: 4, abstain: 0 }, 10)).toEqual({ passed: true, winner: null })
  })
  test('odd total: 5 of 11 fails, 6 of 11 passes', () => {
    expect(decide('rules', { yes: 5, no: 6, abstain: 0 }, 11).passed).toBe(false)
    expect(decide('rules', { yes: 6, no: 5, abstain: 0 }, 11).passed).toBe(true)
  })
  test('abstentions count as cast: more yes than no is not enough', () => {
    expect(decide('rules', { yes: 4, no: 1, abstain: 5 }, 10).passed).toBe(false)
    expect(decide('rules', { yes: 6, no: 0, abstain: 4 }, 10).passed).toBe(true)
  })
  test('all abstain fails', () => {
    expect(decide('rules', { yes: 0, no: 0, abstain: 7 }, 7)).toEqual({ passed: false, winner: null })
  })
  test('zero ballots fail', () => {
    expect(decide('rules', { yes: 0, no: 0, abstain: 0 }, 0)).toEqual({ passed: false, winner: null })
    expect(decide('rules', {}, 0).passed).toBe(false)
  })
  test('a single yes ballot passes the decision', () => {
    expect(decide('rules', { yes: 1, no: 0, abstain: 0 }, 1).passed).toBe(true)
  })
})

describe('decide: matter (an option with more than half of the ballots cast)', () => {
  test('a majority option wins with its index', () => {
    expect(decide('matter', { '0': 2, '1': 7, '2': 1 }, 10)).toEqual({ passed: true, winner: 1 })
    expect(decide('matter', { '0': 1, '1': 0, '2': 0, '3': 0, '4': 0, '5': 2 }, 3)).toEqual({ passed: true, winner: 5 })
  })
  test('a tie at half is no decision', () => {
    expect(decide('matter', { '0': 5, '1': 5 }, 10)).toEqual({ passed: false, winner: null })
  })
  test('exactly half is no decision, half plus one is', () => {
    expect(decide('matter', { '0': 5, '1': 3, '2': 2 }, 10)).toEqual({ passed: false, winner: null })
    expect(decide('matter', { '0': 6, '1': 2, '2': 2 }, 10)).toEqual({ passed: true, winner: 0 })
  })
  test('a plurality short of half is no decision', () => {
    expect(decide('matter', { '0': 4, '1': 3, '2': 3 }, 10)).toEqual({ passed: false, winner: null })
  })
  test('zero ballots: no decision', () => {
    expect(decide('matter', { '0': 0, '1': 0 }, 0)).toEqual({ passed: false, winner: null })
  })
  test('keys that are not option indexes are ignored', () => {
    expect(decide('matter', { yes: 9, '01': 9, '-1': 9, '0': 1 }, 10)).toEqual({ passed: false, winner: null })
  })
})

describe('outcome: passed = quorum met AND decision carried', () => {
  test('decision carried but no quorum → not passed', () => {
    const o = outcome('rules', 'adults', base(100, 40), cast(50), { yes: 50, no: 0, abstain: 0 })
    expect(o).toEqual({ quorumMet: false, passed: false, winner: null })
  })
  test('quorum met but decision not carried → not passed', () => {
    const o = outcome('rules', 'adults', base(100, 40), cast(51), { yes: 25, no: 1, abstain: 25 })
    expect(o).toEqual({ quorumMet: true, passed: false, winner: null })
  })
  test('both → passed', () => {
    const o = outcome('rules', 'adults', base(100, 40), cast(51), { yes: 26, no: 0, abstain: 25 })
    expect(o).toEqual({ quorumMet: true, passed: true, winner: null })
  })
  test('households: exactly two thirds and a yes majority passes; one household short does not', () => {
    const tally = { yes: 15, no: 5, abstain: 0 }
    expect(outcome('rules', 'households', base(80, 30), cast(20), tally).passed).toBe(true)
    expect(outcome('rules', 'households', base(80, 30), cast(19, 19), { yes: 15, no: 4, abstain: 0 }).passed).toBe(false)
  })
  test('all abstain with full turnout: quorum met, not passed', () => {
    expect(outcome('rules', 'adults', base(4, 2), cast(4), { yes: 0, no: 0, abstain: 4 })).toEqual({
      quorumMet: true,
      passed: false,
      winner: null,
    })
  })
  test('matter: winner reported only when passed', () => {
    expect(outcome('matter', 'adults', base(10, 5), cast(6), { '0': 1, '1': 5 })).toEqual({
      quorumMet: true,
      passed: true,
      winner: 1,
    })
    expect(outcome('matter', 'adults', base(20, 5), cast(6), { '0': 1, '1': 5 })).toEqual({
      quorumMet: false,
      passed: false,
      winner: null,
    })
  })
  test('zero ballots and base 0: nothing passes', () => {
    expect(outcome('rules', 'adults', base(0, 0), cast(0), { yes: 0, no: 0, abstain: 0 }).passed).toBe(false)
    expect(outcome('matter', 'households', base(10, 4), cast(0), { '0': 0, '1': 0 }).passed).toBe(false)
  })
})

describe('quorumNeeded: the smallest turnout that meets the quorum', () => {
  test('is exactly where quorumMet turns true, for every base up to 300', () => {
    for (const eligibility of ['adults', 'households'] as const) {
      for (let b = 0; b <= 300; b++) {
        const need = quorumNeeded(eligibility, base(b, b))
        const met = (n: number) => quorumMet(eligibility, base(b, b), { online: n, offline: 0, total: n, households: n })
        if (b > 0) expect(met(need)).toBe(true)
        expect(met(need - 1)).toBe(false)
      }
    }
  })

  test('adults: more than half; households: two thirds', () => {
    expect(quorumNeeded('adults', base(100, 40))).toBe(51)
    expect(quorumNeeded('adults', base(101, 40))).toBe(51)
    expect(quorumNeeded('households', base(100, 30))).toBe(20)
    expect(quorumNeeded('households', base(100, 31))).toBe(21)
  })
})
