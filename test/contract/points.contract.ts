/**
 * The points feature's port contract: what the use cases rely on from PointsRepo (cloud/points/ports.ts), declared
 * once and run against every engine by a thin test file (test/api/points.contract.test.ts: SQLite;
 * test/postgres/points.contract.test.ts: PostgreSQL, with SQLite as the reference). The races (Promise.all) are real
 * concurrency between sessions on PostgreSQL; on SQLite one connection runs them in turn
 * (test/api/points.concurrency.test.ts races processes).
 */
import type { EntryRecord, NewEntry, NewReward, PointsRepo } from '../../cloud/points/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'
import type { Exec } from './engines'

export interface PointsContractStore {
  users: UserRepo
  audit: AuditRepo
  points: PointsRepo
}

export interface PointsContractEngine {
  store: PointsContractStore
  fixtures: FixtureWriter
  /** one statement with `$1…` parameters: the patrol rows the sweep reads (no repository of this slice writes them) */
  exec: Exec
  close(): Promise<void>
}

export type OpenPointsEngine = () => Promise<PointsContractEngine>

const NOW = '2025-03-10T02:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()
const IDS = { street: 'st_east', c: 'c_jj', other: 'c_hx', g1: 'g_jj_1', gx: 'g_hx_1', committee: 'u_committee', alice: 'u_alice', bob: 'u_bob', xavier: 'u_xavier' }

function person(id: string, name: string, p: Partial<NewUser> = {}): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.c, gridId: IDS.g1, householdId: null, verified: true, workerGridIds: [], createdAt: NOW, ...p }
}

async function buildFixture(e: PointsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.c, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.c, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.other, name: '华兴一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person(IDS.committee, '陈秀兰', { roles: ['committee'], gridId: null }))
  await e.store.users.create(person(IDS.alice, '杨春敏'))
  await e.store.users.create(person(IDS.bob, '王建华'))
  await e.store.users.create(person(IDS.xavier, '赵六', { communityId: IDS.other, gridId: IDS.gx }))
}

const entry = (id: string, userId: string, points: number, sourceId: string, p: Partial<NewEntry> = {}): NewEntry => ({
  id,
  communityId: IDS.c,
  userId,
  points,
  reason: `得分 ${id}`,
  sourceKind: 'report_accepted',
  sourceId,
  grantedBy: null,
  at: NOW,
  ...p,
})

const reward = (id: string, cost: number, stock: number, p: Partial<NewReward> = {}): NewReward => ({
  id,
  communityId: IDS.c,
  name: `奖品 ${id}`,
  description: '',
  cost,
  stock,
  createdBy: IDS.committee,
  createdAt: NOW,
  ...p,
})

const audit = (action: string, targetId: string): AuditEntry => ({ at: NOW, actorId: IDS.committee, action, targetType: 'points', targetId, communityId: IDS.c })
const key = (userId: string, requestId: string, fingerprint = 'fp'): IdempotencyKey => ({ userId, action: 'points.redeem', requestId, fingerprint })
const redemption = (id: string, rewardId: string, userId = IDS.alice, p: { communityId?: string; at?: string } = {}) => ({
  id,
  entryId: `e_${id}`,
  rewardId,
  userId,
  communityId: p.communityId ?? IDS.c,
  at: p.at ?? at(5),
})
const sum = (es: EntryRecord[]) => es.reduce((n, e) => n + e.points, 0)

export function pointsContract(engine: string, open: OpenPointsEngine, opts: { reference?: OpenPointsEngine } = {}): void {
  function scenario(title: string, run: (s: PointsContractStore, exec: Exec) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenPointsEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          return await run(e.store, e.exec)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`points port contract on ${engine}`, () => {
    scenario('autoClosedPatrols: attendances closed automatically with hours, in the window, not yet granted, oldest first', async (s, exec) => {
      const shift = (id: string) =>
        exec(
          `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, created_by, created_at)
           VALUES ($1, $2, $3, 30, 120, 300, $4, $5, 5, $6, $4)`,
          [id, IDS.c, `巡逻 ${id}`, at(-180), at(-60), IDS.committee],
        )
      const signup = (id: string, shiftId: string, userId: string, auto: boolean, tenths: number, checkoutAt: string) =>
        exec(
          `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at, checkin_at, checkin_coord, checkout_at, auto_checkout, hours_tenths)
           VALUES ($1, $2, $3, 'checkedOut', $4, $4, $4, 'wgs84', $5, $6, $7)`,
          [id, shiftId, userId, at(-300), checkoutAt, auto ? 1 : 0, tenths],
        )
      await shift('sh1')
      await shift('sh2')
      await signup('sg1', 'sh1', IDS.alice, true, 20, at(-60))
      await signup('sg2', 'sh1', IDS.bob, false, 20, at(-70))
      await signup('sg3', 'sh2', IDS.bob, true, 15, at(-65))
      await signup('sg4', 'sh2', IDS.alice, true, 0, at(-60))
      await signup('sg5', 'sh2', IDS.committee, true, 10, '2025-02-01T00:00:00.000Z')
      const due = await s.points.autoClosedPatrols(at(-24 * 60), 10)
      expect(due).toEqual([
        { shiftId: 'sh2', userId: IDS.bob, communityId: IDS.c, title: '巡逻 sh2', hours: 1.5 },
        { shiftId: 'sh1', userId: IDS.alice, communityId: IDS.c, title: '巡逻 sh1', hours: 2 },
      ])
      await s.points.grant(entry('ep', IDS.bob, 3, 'sh2', { sourceKind: 'patrol_hours' }))
      expect((await s.points.autoClosedPatrols(at(-24 * 60), 10)).map((p) => p.userId)).toEqual([IDS.alice])
      expect(await s.points.autoClosedPatrols(at(-24 * 60), 0)).toEqual([])
      return due
    })

    scenario('rules: none stored until set; setRules upserts every kind with its audit entry', async (s) => {
      expect(await s.points.rules(IDS.c)).toEqual({})
      const rules = { report_accepted: 8, patrol_hours: 3, callout_attended: 6, comment_answered: 0 }
      await s.points.setRules(IDS.c, rules, IDS.committee, NOW, audit('points.setRules', IDS.c))
      await s.points.setRules(IDS.c, { ...rules, patrol_hours: 4 }, IDS.committee, at(1), audit('points.setRules', IDS.c))
      expect(await s.points.rules(IDS.c)).toEqual({ ...rules, patrol_hours: 4 })
      expect(await s.points.rules(IDS.other)).toEqual({})
      expect((await s.audit.list({ targetId: IDS.c, limit: 10 })).filter((a) => a.action === 'points.setRules')).toHaveLength(2)
      return s.points.rules(IDS.c)
    })

    scenario('grant: once per (person, source kind, source id); the balance is the sum of the ledger', async (s) => {
      expect(await s.points.balance(IDS.alice)).toBe(0)
      const first = await s.points.grant(entry('e1', IDS.alice, 5, 'r1'))
      expect(first).toEqual({ kind: 'granted', entry: { ...entry('e1', IDS.alice, 5, 'r1'), grantedByName: null, reversedBy: null } })
      expect(await s.points.grant(entry('e1b', IDS.alice, 5, 'r1'))).toEqual({ kind: 'already' })
      await s.points.grant(entry('e2', IDS.alice, 4, 's1', { sourceKind: 'patrol_hours', at: at(1) }))
      await s.points.grant(entry('e3', IDS.bob, 5, 'r1'))
      expect(await s.points.entry('e1b')).toBeNull()
      const ledger = await s.points.ledger(IDS.alice, null, 10)
      expect(ledger.map((e) => e.id)).toEqual(['e2', 'e1'])
      expect(await s.points.balance(IDS.alice)).toBe(sum(ledger))
      expect(await s.points.balance(IDS.alice)).toBe(9)
      expect(await s.points.ledger(IDS.alice, null, 1, audit('points.readLedger', IDS.alice))).toHaveLength(1)
      expect((await s.audit.list({ targetId: IDS.alice, limit: 10 })).map((a) => a.action)).toEqual(['points.readLedger'])
      return ledger
    })

    scenario('grant races: the same source granted 8 times at once is one entry', async (s) => {
      const outs = await Promise.all(Array.from({ length: 8 }, (_, i) => s.points.grant(entry(`eg${i}`, IDS.alice, 5, 'r-race'))))
      expect(outs.filter((o) => o.kind === 'granted')).toHaveLength(1)
      expect(await s.points.balance(IDS.alice)).toBe(5)
      expect(await s.points.ledger(IDS.alice, null, 10)).toHaveLength(1)
    })

    scenario('ledger pages newest first by (at, id)', async (s) => {
      for (let i = 0; i < 5; i++) await s.points.grant(entry(`e${i}`, IDS.alice, 1, `r${i}`, { at: i < 2 ? NOW : at(i) }))
      const p1 = await s.points.ledger(IDS.alice, null, 2)
      const last = p1[p1.length - 1]!
      const p2 = await s.points.ledger(IDS.alice, { at: last.at, id: last.id }, 2)
      const p3 = await s.points.ledger(IDS.alice, { at: p2[1]!.at, id: p2[1]!.id }, 2)
      expect([...p1, ...p2, ...p3].map((e) => e.id)).toEqual(['e4', 'e3', 'e2', 'e1', 'e0'])
      return [...p1, ...p2, ...p3].map((e) => e.id)
    })

    scenario('reverse: a reversing entry with the negated points, once; redemptions and reversals are not reversed', async (s) => {
      await s.points.grant(entry('e1', IDS.alice, 5, 'r1'))
      const r = await s.points.reverse('e1', { id: 'rv1', reason: '冲正：重复受理', by: IDS.committee, at: at(1) }, audit('points.reverse', 'e1'))
      expect(r).toEqual({
        kind: 'reversed',
        entry: { id: 'rv1', communityId: IDS.c, userId: IDS.alice, points: -5, reason: '冲正：重复受理', sourceKind: 'reversal', sourceId: 'e1', grantedBy: IDS.committee, grantedByName: '陈秀兰', at: at(1), reversedBy: null },
      })
      expect((await s.points.entry('e1'))?.reversedBy).toBe('rv1')
      expect(await s.points.reverse('e1', { id: 'rv2', reason: '再次', by: IDS.committee, at: at(2) }, audit('points.reverse', 'e1'))).toEqual({ kind: 'alreadyReversed' })
      expect(await s.points.reverse('rv1', { id: 'rv3', reason: '冲正冲正', by: IDS.committee, at: at(2) }, audit('points.reverse', 'rv1'))).toEqual({ kind: 'notReversible' })
      expect(await s.points.reverse('nope', { id: 'rv4', reason: '无', by: IDS.committee, at: at(2) }, audit('points.reverse', 'nope'))).toEqual({ kind: 'notFound' })
      expect(await s.points.balance(IDS.alice)).toBe(0)
      expect((await s.audit.list({ targetId: 'e1', limit: 10 })).map((a) => a.action)).toEqual(['points.reverse'])
      return s.points.ledger(IDS.alice, null, 10)
    })

    scenario('reverse races: the same entry reversed 6 times at once is reversed once', async (s) => {
      await s.points.grant(entry('e1', IDS.alice, 5, 'r1'))
      const outs = await Promise.all(Array.from({ length: 6 }, (_, i) => s.points.reverse('e1', { id: `rv${i}`, reason: '冲正', by: IDS.committee, at: at(1) }, audit('points.reverse', 'e1'))))
      expect(outs.map((o) => o.kind).sort()).toEqual(['alreadyReversed', 'alreadyReversed', 'alreadyReversed', 'alreadyReversed', 'alreadyReversed', 'reversed'])
      expect(await s.points.balance(IDS.alice)).toBe(0)
      expect(await s.audit.list({ targetId: 'e1', limit: 10 })).toHaveLength(1)
    })

    scenario('rewards: created once per key, listed newest first per community', async (s) => {
      const k = { userId: IDS.committee, action: 'reward.create', requestId: 'rq-1', fingerprint: 'fp' }
      expect(await s.points.createReward(reward('w1', 30, 2), k, audit('reward.create', 'w1'))).toEqual({ kind: 'created', reward: reward('w1', 30, 2) })
      expect(await s.points.createReward(reward('w1b', 30, 2), k, audit('reward.create', 'w1b'))).toEqual({ kind: 'replayed', rewardId: 'w1' })
      expect(await s.points.createReward(reward('w1c', 30, 2), { ...k, fingerprint: 'other' }, audit('reward.create', 'w1c'))).toEqual({ kind: 'keyReused' })
      await s.points.createReward(reward('w2', 10, 0, { createdAt: at(1), description: '限本社区' }), null, audit('reward.create', 'w2'))
      await s.points.createReward(reward('wx', 10, 5, { communityId: IDS.other }), null, audit('reward.create', 'wx'))
      expect((await s.points.rewards(IDS.c)).map((r) => r.id)).toEqual(['w2', 'w1'])
      expect(await s.points.reward('w1b')).toBeNull()
      return s.points.rewards(IDS.c)
    })

    scenario('redeem: stock and balance taken together with a negative entry; out of stock / too few points / another community write nothing', async (s) => {
      await s.points.grant(entry('e1', IDS.alice, 40, 'r1'))
      await s.points.createReward(reward('w1', 30, 1), null, audit('reward.create', 'w1'))
      await s.points.createReward(reward('w2', 50, 5), null, audit('reward.create', 'w2'))
      await s.points.createReward(reward('wx', 1, 5, { communityId: IDS.other }), null, audit('reward.create', 'wx'))
      const out = await s.points.redeem(redemption('d1', 'w1'), key(IDS.alice, 'rq-1'))
      expect(out).toEqual({
        kind: 'redeemed',
        balance: 10,
        redemption: { id: 'd1', communityId: IDS.c, rewardId: 'w1', rewardName: '奖品 w1', userId: IDS.alice, userName: '杨春敏', cost: 30, at: at(5), handedBy: null, handedAt: null },
      })
      expect(await s.points.redeem(redemption('d1b', 'w1'), key(IDS.alice, 'rq-1'))).toEqual({ kind: 'replayed', redemptionId: 'd1' })
      expect(await s.points.redeem(redemption('d1c', 'w1'), key(IDS.alice, 'rq-1', 'other'))).toEqual({ kind: 'keyReused' })
      expect(await s.points.redeem(redemption('d2', 'w1', IDS.bob), key(IDS.bob, 'rq-2'))).toEqual({ kind: 'outOfStock' })
      expect(await s.points.redeem(redemption('d3', 'w2'), key(IDS.alice, 'rq-3'))).toEqual({ kind: 'insufficient', balance: 10 })
      expect(await s.points.redeem(redemption('d4', 'wx'), null)).toEqual({ kind: 'notFound' })
      expect(await s.points.redeem(redemption('d5', 'nope'), null)).toEqual({ kind: 'notFound' })
      // a refused redemption claimed no key: the same requestId may succeed later
      await s.points.grant(entry('e2', IDS.alice, 40, 'r2'))
      expect((await s.points.redeem(redemption('d3b', 'w2'), key(IDS.alice, 'rq-3'))).kind).toBe('redeemed')
      expect((await s.points.reward('w2'))?.stock).toBe(4)
      expect((await s.points.reward('w1'))?.stock).toBe(0)
      const ledger = await s.points.ledger(IDS.alice, null, 10)
      expect(await s.points.balance(IDS.alice)).toBe(sum(ledger))
      expect(ledger.filter((e) => e.sourceKind === 'redemption').map((e) => [e.points, e.sourceId, e.reason])).toEqual([
        [-50, 'd3b', '兑换：奖品 w2'],
        [-30, 'd1', '兑换：奖品 w1'],
      ])
      return ledger
    })

    scenario('redeem races: two people for the last item → one; one person with points for one, for two rewards at once → one', async (s) => {
      await s.points.grant(entry('ea', IDS.alice, 30, 'r1'))
      await s.points.grant(entry('eb', IDS.bob, 30, 'r1'))
      await s.points.createReward(reward('last', 10, 1), null, audit('reward.create', 'last'))
      const a = await Promise.all([
        ...Array.from({ length: 4 }, (_, i) => s.points.redeem(redemption(`da${i}`, 'last', IDS.alice), null)),
        ...Array.from({ length: 4 }, (_, i) => s.points.redeem(redemption(`db${i}`, 'last', IDS.bob), null)),
      ])
      expect(a.filter((o) => o.kind === 'redeemed')).toHaveLength(1)
      expect(a.filter((o) => o.kind === 'outOfStock')).toHaveLength(7)
      expect((await s.points.reward('last'))?.stock).toBe(0)
      await s.points.createReward(reward('big1', 30, 5), null, audit('reward.create', 'big1'))
      await s.points.createReward(reward('big2', 30, 5), null, audit('reward.create', 'big2'))
      const spender = (a.find((o) => o.kind === 'redeemed') as { redemption: { userId: string } }).redemption.userId === IDS.alice ? IDS.bob : IDS.alice
      const b = await Promise.all(Array.from({ length: 6 }, (_, i) => s.points.redeem(redemption(`dx${i}`, i % 2 ? 'big1' : 'big2', spender), null)))
      expect(b.filter((o) => o.kind === 'redeemed')).toHaveLength(1)
      expect(b.filter((o) => o.kind === 'insufficient')).toHaveLength(5)
      expect(await s.points.balance(spender)).toBe(0)
      expect(sum(await s.points.ledger(spender, null, 10))).toBe(0)
    })

    scenario('board: points earned in the window, reversals subtract, redemptions do not; most first, then by person', async (s) => {
      await s.points.grant(entry('e1', IDS.alice, 10, 'r1'))
      await s.points.grant(entry('e2', IDS.bob, 12, 'r1'))
      await s.points.grant(entry('e3', IDS.bob, 5, 'r2'))
      await s.points.reverse('e3', { id: 'rv3', reason: '冲正', by: IDS.committee, at: at(1) }, audit('points.reverse', 'e3'))
      await s.points.grant(entry('e4', IDS.alice, 99, 'r-old', { at: '2025-02-20T02:00:00.000Z' }))
      await s.points.grant(entry('e5', IDS.xavier, 50, 'r1', { communityId: IDS.other }))
      await s.points.grant(entry('e6', IDS.committee, 12, 'r9'))
      await s.points.createReward(reward('w1', 100, 1), null, audit('reward.create', 'w1'))
      await s.points.redeem(redemption('d1', 'w1', IDS.alice), null)
      const board = await s.points.board(IDS.c, '2025-02-28T16:00:00.000Z', '2025-03-31T16:00:00.000Z', 20)
      expect(board).toEqual([
        { userId: IDS.bob, name: '王建华', points: 12 },
        { userId: IDS.committee, name: '陈秀兰', points: 12 },
        { userId: IDS.alice, name: '杨春敏', points: 10 },
      ])
      expect(await s.points.board(IDS.c, '2025-02-28T16:00:00.000Z', '2025-03-31T16:00:00.000Z', 1)).toHaveLength(1)
      return board
    })

    scenario('redemptions: listed newest first (pending only, or one person); handed out once with its audit entry', async (s) => {
      await s.points.grant(entry('ea', IDS.alice, 100, 'r1'))
      await s.points.grant(entry('eb', IDS.bob, 100, 'r1'))
      await s.points.createReward(reward('w1', 10, 10), null, audit('reward.create', 'w1'))
      await s.points.redeem(redemption('d1', 'w1', IDS.alice, { at: at(1) }), null)
      await s.points.redeem(redemption('d2', 'w1', IDS.bob, { at: at(2) }), null)
      await s.points.redeem(redemption('d3', 'w1', IDS.alice, { at: at(3) }), null)
      const handed = await s.points.handOver('d2', IDS.committee, at(4), audit('redemption.handOver', 'd2'))
      expect(handed.kind).toBe('handed')
      expect(handed.kind === 'handed' && [handed.redemption.handedBy, handed.redemption.handedAt]).toEqual([IDS.committee, at(4)])
      expect((await s.points.handOver('d2', IDS.committee, at(5), audit('redemption.handOver', 'd2'))).kind).toBe('already')
      expect(await s.points.handOver('nope', IDS.committee, at(5), audit('redemption.handOver', 'nope'))).toEqual({ kind: 'notFound' })
      const ids = async (q: { userId?: string; pending: boolean; after?: { at: string; id: string } }) =>
        (await s.points.redemptions({ communityId: IDS.c, after: null, limit: 10, ...q })).map((r) => r.id)
      expect(await ids({ pending: false })).toEqual(['d3', 'd2', 'd1'])
      expect(await ids({ pending: true })).toEqual(['d3', 'd1'])
      expect(await ids({ pending: false, userId: IDS.alice })).toEqual(['d3', 'd1'])
      expect(await ids({ pending: false, after: { at: at(2), id: 'd2' } })).toEqual(['d1'])
      expect(await s.audit.list({ targetId: 'd2', limit: 10 })).toHaveLength(1)
      return s.points.redemptions({ communityId: IDS.c, pending: false, after: null, limit: 10 })
    })
  })
}
