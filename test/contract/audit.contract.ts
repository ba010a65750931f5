/**
 * The audit log reader's port contract: what audit.list relies on from AuditRepo (cloud/shared/ports.ts: search,
 * actions, communitiesIn), declared once and run on every engine by thin files (test/api/audit.contract.test.ts:
 * SQLite; test/postgres/audit.contract.test.ts: PostgreSQL, with SQLite as the reference, results deep-equal).
 */
import { auditRows } from '../../cloud/audit'
import type { AuditFilter, AuditRecord, AuditRepo } from '../../cloud/shared/ports'
import type { Exec } from './engines'
import type { FixtureWriter } from './fixtures'

export interface AuditContractEngine {
  store: { audit: AuditRepo }
  fixtures: FixtureWriter
  exec: Exec
  close(): Promise<void>
}

export type OpenAuditEngine = () => Promise<AuditContractEngine>

const T0 = Date.parse('2025-03-01T00:00:00.000Z')
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString()

/** The rows, in insert order (ids 1…): [minutes after T0, actor, action, target type, target id, community]. */
const ROWS: [number, string, string, string, string, string | null][] = [
  [0, 'u_a', 'notice.publish', 'notice', 'n_1', 'c_1'],
  [10, 'u_a', 'notice.withdraw', 'notice', 'n_1', 'c_1'],
  [10, 'u_b', 'report.setDeadlines', 'community', 'c_1', 'c_1'],
  [10, 'u_a', 'household.export', 'community', 'c_1', 'c_1'],
  [20, 'u_c', 'notice.publish', 'notice', 'n_2', 'c_2'],
  [30, 'u_d', 'shift.create', 'shift', 's_1', 'c_3'],
  [40, 'u_e', 'motion.create', 'motion', 'm_1', 'c_4'],
  [50, 'operator', 'user.grantRole', 'user', 'u_a', null],
  [24 * 60, 'u_a', 'report.setDeadlines', 'community', 'c_1', 'c_1'],
]

async function build(e: AuditContractEngine): Promise<void> {
  await e.fixtures.city({ id: 'ct', name: '丹东市', seq: 0 })
  await e.fixtures.district({ id: 'd_1', cityId: 'ct', name: '振兴区', seq: 0 })
  await e.fixtures.district({ id: 'd_2', cityId: 'ct', name: '元宝区', seq: 1 })
  await e.fixtures.street({ id: 's_1', name: '城东街道', seq: 0, districtId: 'd_1' })
  await e.fixtures.street({ id: 's_2', name: '城西街道', seq: 1, districtId: 'd_1' })
  await e.fixtures.street({ id: 's_3', name: '江边街道', seq: 2, districtId: 'd_2' })
  await e.fixtures.street({ id: 's_4', name: '未归区街道', seq: 3 })
  await e.fixtures.community({ id: 'c_2', streetId: 's_1', name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.community({ id: 'c_1', streetId: 's_1', name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: 'c_3', streetId: 's_2', name: '西城社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: 'c_4', streetId: 's_3', name: '江边村', kind: 'village', seq: 0 })
  await e.fixtures.community({ id: 'c_5', streetId: 's_4', name: '孤村', kind: 'village', seq: 0 })
  for (const [m, actor, action, type, target, community] of ROWS) {
    await e.exec(
      `INSERT INTO audit_log (at, actor_id, action, target_type, target_id, community_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [at(m), actor, action, type, target, community, JSON.stringify({ n: m })],
    )
  }
}

const ALL: AuditFilter = {
  communityIds: ['c_1', 'c_2', 'c_3', 'c_4'],
  system: true,
  actorId: null,
  action: null,
  actionPrefix: null,
  targetType: null,
  targetId: null,
  since: null,
  until: null,
}

const ids = (rs: AuditRecord[]) => rs.map((r) => r.id)

export function auditContract(engine: string, open: OpenAuditEngine, opts: { reference?: OpenAuditEngine } = {}): void {
  function scenario(title: string, run: (repo: AuditRepo) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenAuditEngine) => {
        const e = await openIt()
        try {
          await build(e)
          return await run(e.store.audit)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`audit port contract on ${engine}`, () => {
    scenario('search: newest first by time, equal times by id descending; the whole record comes back', async (repo) => {
      const found = await repo.search(ALL, { after: null, limit: 50 })
      expect(ids(found)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1])
      expect(found[0]).toEqual({
        id: 9, at: at(24 * 60), actorId: 'u_a', action: 'report.setDeadlines', targetType: 'community', targetId: 'c_1', communityId: 'c_1', detail: { n: 1440 },
      })
      return found
    })

    scenario('search: pages after a keyset are stable across equal timestamps, none lost or repeated', async (repo) => {
      const seen: number[] = []
      for (const size of [1, 2, 3]) {
        const got: number[] = []
        let after: [string, number] | null = null
        for (;;) {
          const page = await repo.search(ALL, { after, limit: size })
          got.push(...ids(page))
          if (page.length < size) break
          const last: AuditRecord = page[page.length - 1]
          after = [last.at, last.id]
        }
        expect(got).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1])
        seen.push(...got)
      }
      // one community (the equality path), pages of one through its three rows of equal time
      const one: AuditFilter = { ...ALL, communityIds: ['c_1'], system: false }
      const single: number[] = []
      let key: [string, number] | null = null
      for (;;) {
        const page = await repo.search(one, { after: key, limit: 1 })
        if (page.length === 0) break
        single.push(page[0].id)
        key = [page[0].at, page[0].id]
      }
      expect(single).toEqual([9, 4, 3, 2, 1])
      // a page that starts inside the three rows at minute 10
      expect(ids(await repo.search(ALL, { after: [at(10), 4], limit: 50 }))).toEqual([3, 2, 1])
      return seen
    })

    scenario('search: scope by the communities list; system rows only when asked', async (repo) => {
      const one = await repo.search({ ...ALL, communityIds: ['c_1'], system: false }, { after: null, limit: 50 })
      expect(ids(one)).toEqual([9, 4, 3, 2, 1])
      const street = await repo.search({ ...ALL, communityIds: ['c_1', 'c_2'], system: false }, { after: null, limit: 50 })
      expect(ids(street)).toEqual([9, 5, 4, 3, 2, 1])
      expect(ids(await repo.search({ ...ALL, communityIds: [], system: false }, { after: null, limit: 50 }))).toEqual([])
      expect(ids(await repo.search({ ...ALL, communityIds: [], system: true }, { after: null, limit: 50 }))).toEqual([8])
      expect(ids(await repo.search({ ...ALL, system: false }, { after: null, limit: 50 }))).toEqual([9, 7, 6, 5, 4, 3, 2, 1])
      return ids(street)
    })

    scenario('search: each filter — actor, exact action, feature prefix, target type and id, period', async (repo) => {
      const q = (f: Partial<AuditFilter>) => repo.search({ ...ALL, ...f }, { after: null, limit: 50 }).then(ids)
      expect(await q({ actorId: 'u_a' })).toEqual([9, 4, 2, 1])
      expect(await q({ action: 'notice.publish' })).toEqual([5, 1])
      expect(await q({ action: 'notice.' })).toEqual([])
      expect(await q({ actionPrefix: 'notice.' })).toEqual([5, 2, 1])
      expect(await q({ actionPrefix: 'report.' })).toEqual([9, 3])
      expect(await q({ actionPrefix: 'no' })).toEqual([5, 2, 1])
      expect(await q({ targetType: 'community' })).toEqual([9, 4, 3])
      expect(await q({ targetId: 'n_1' })).toEqual([2, 1])
      // [since, until): the row at `since` is in, the one at `until` is out
      expect(await q({ since: at(10), until: at(30) })).toEqual([5, 4, 3, 2])
      expect(await q({ since: at(50) })).toEqual([9, 8])
      expect(await q({ until: at(10) })).toEqual([1])
      expect(await q({ actorId: 'u_a', actionPrefix: 'report.', since: at(60) })).toEqual([9])
      return q({ actorId: 'u_a', targetId: 'c_1' })
    })

    scenario('actions: the distinct names in the scope, in name order', async (repo) => {
      expect(await repo.actions({ communityIds: ['c_1'], system: false })).toEqual(['household.export', 'notice.publish', 'notice.withdraw', 'report.setDeadlines'])
      expect(await repo.actions({ communityIds: ['c_3', 'c_4'], system: false })).toEqual(['motion.create', 'shift.create'])
      expect(await repo.actions({ communityIds: [], system: true })).toEqual(['user.grantRole'])
      return repo.actions({ communityIds: ['c_1', 'c_2', 'c_3', 'c_4'], system: true })
    })

    scenario('communitiesIn: a street’s, a district’s and a city’s communities (a street under no district in none)', async (repo) => {
      expect(await repo.communitiesIn({ streetId: 's_1' })).toEqual(['c_1', 'c_2'])
      expect(await repo.communitiesIn({ districtId: 'd_1' })).toEqual(['c_1', 'c_2', 'c_3'])
      expect(await repo.communitiesIn({ districtId: 'd_2' })).toEqual(['c_4'])
      expect(await repo.communitiesIn({ cityId: 'ct' })).toEqual(['c_1', 'c_2', 'c_3', 'c_4'])
      expect(await repo.communitiesIn({ streetId: 's_none' })).toEqual([])
      return repo.communitiesIn({ streetId: 's_4' })
    })

    scenario('auditRows: every matching row once, in pages of the size asked', async (repo) => {
      const pages: number[][] = []
      for await (const page of auditRows(repo, ALL, 4)) pages.push(ids(page))
      expect(pages).toEqual([[9, 8, 7, 6], [5, 4, 3, 2], [1]])
      const exact: number[][] = []
      for await (const page of auditRows(repo, { ...ALL, communityIds: ['c_1'], system: false }, 5)) exact.push(ids(page))
      expect(exact).toEqual([[9, 4, 3, 2, 1]])
      return pages
    })
  })
}
