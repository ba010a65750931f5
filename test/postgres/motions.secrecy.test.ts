/**
 * The secret ballot on PostgreSQL, read as a DBA would read it (the design: cloud/adapters/postgres/motionBallots.ts;
 * the threat model: docs/API.md). Ballots are cast through the repository on a real server in a shuffled order,
 * beside two neighbour motions whose ballots arrive in between; then, as the superuser: every row's xmin and ctid,
 * every line pointer of every heap page (pageinspect, dead ones included), the indexes' leaf entries, and the heap
 * file's bytes (pg_read_binary_file). While voting is open the attack works (the control: the test can fail);
 * after the close none of it pairs a voter with a choice.
 */
import crypto from 'node:crypto'
import type pg from 'pg'
import { motionRepo } from '../../cloud/adapters/postgres/motions'
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import type { MotionMessages, MotionRepo, NewMotion } from '../../cloud/motions/ports'
import { postgresEngines } from '../contract/engines'
import { postgresFixtures } from '../contract/fixtures'

jest.setTimeout(120_000)

const engines = postgresEngines()
const NOW = '2025-03-01T02:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()
const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex')
const N = 60
const OPTIONS = ['东门方案', '西门方案', '南门方案', '北门方案', '中庭方案', '维持现状']
const none: MotionMessages = () => []

let pool: pg.Pool
let close: () => Promise<void>
let motions: MotionRepo
/** the casts in the order made: voter, receipt hash, choice, and the xid the DBA reads on the voter's row */
const casts: { voter: string; hash: string; choice: string }[] = []
let walFrom = ''
let filenodes = { v: '', b: '' }
let whileOpen: { byXmin: number; byCtid: number; castXids: Set<string>; files: string[] }

const q = async <R>(sql: string, values: unknown[] = []) => (await pool.query(sql, values)).rows as R[]
const ctidKey = (ctid: string) => ctid.slice(1, -1).split(',').map(Number) as [number, number]
const byCtid = (a: { ctid: string }, b: { ctid: string }) => {
  const [x, y] = [ctidKey(a.ctid), ctidKey(b.ctid)]
  return x[0] - y[0] || x[1] - y[1]
}

function motion(id: string, p: Partial<NewMotion> = {}): NewMotion {
  return {
    id, communityId: 'c_jj', authorId: 'u_committee', title: id, preamble: null, articles: [{ text: '一' }], kind: 'matter', options: OPTIONS,
    eligibility: 'adults', consultUntil: null, voteFrom: at(600), voteUntil: at(1200), createdAt: NOW, ...p,
  }
}

async function open(id: string, p: Partial<NewMotion> = {}): Promise<void> {
  await motions.create(motion(id, p), { at: NOW, actorId: 'u_committee', action: 'motion.create', targetType: 'motion', targetId: id, communityId: 'c_jj' }, null)
  for (const from of ['draft', 'consultation'] as const) if (!(await motions.advance(id, from, NOW, none, null))) throw new Error(`advance ${id}`)
}

/** The DBA's attack: pair the motion's voter rows with its ballot rows by transaction id, and by rank of heap position. */
async function attack(motionId: string) {
  const voters = await q<{ voter_key: string; xmin: string; ctid: string }>('SELECT voter_key, xmin::text AS xmin, ctid::text AS ctid FROM motion_voters WHERE motion_id = $1', [motionId])
  const ballots = await q<{ receipt_hash: string; xmin: string; ctid: string }>('SELECT receipt_hash, xmin::text AS xmin, ctid::text AS ctid FROM motion_ballots WHERE motion_id = $1', [motionId])
  const hashOf = new Map(casts.map((c) => [c.voter, c.hash]))
  const ballotByXmin = new Map(ballots.map((b) => [b.xmin, b.receipt_hash]))
  const xmins = new Set(ballots.map((b) => b.xmin))
  const sameXmin = voters.filter((v) => xmins.size > 1 && ballotByXmin.get(v.xmin) === hashOf.get(v.voter_key)).length
  const v = [...voters].sort(byCtid)
  const b = [...ballots].sort(byCtid)
  const sameRank = v.filter((x, i) => hashOf.get(x.voter_key) === b[i]?.receipt_hash).length
  return { voters, ballots, byXmin: sameXmin, byCtid: sameRank }
}

/** Every line pointer of every page of a table, dead ones included (pageinspect). */
async function heapItems(table: string) {
  return q<{ page: number; lp_flags: number; t_xmin: string | null; t_data: Buffer | null }>(
    `SELECT p AS page, i.lp_flags, i.t_xmin::text AS t_xmin, i.t_data
     FROM generate_series(0, (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int - 1) p,
       LATERAL heap_page_items(get_raw_page($1::text, p)) i`,
    [table],
  )
}

/** The leaf entries of a B-tree index, every page (stale entries of dead rows included until the index is rebuilt). */
async function indexEntries(index: string): Promise<number> {
  const [r] = await q<{ n: number }>(
    `SELECT count(*)::int AS n FROM generate_series(1, (pg_relation_size($1::regclass) / current_setting('block_size')::int)::int - 1) p,
       LATERAL bt_page_stats($1::text, p) s, LATERAL bt_page_items($1::text, p) i
     WHERE s.type = 'l' AND (s.btpo_next = 0 OR i.itemoffset > 1)`,
    [index],
  )
  return r.n
}

beforeAll(async () => {
  const opened = await engines.open()
  pool = opened.pool
  close = opened.close
  await pool.query('CREATE EXTENSION IF NOT EXISTS pageinspect')
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_walinspect')
  const store = { ...postgresRepositories(pool), motions: motionRepo(pool) }
  motions = store.motions
  const f = postgresFixtures(pool)
  await f.street({ id: 'st', name: '城东街道', seq: 0 })
  await f.community({ id: 'c_jj', streetId: 'st', name: '锦江社区', kind: 'community', seq: 0 })
  await f.grid({ id: 'g1', communityId: 'c_jj', name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  const person = (id: string, householdId: string | null) => ({
    id, name: `居民${id}`, roles: ['resident' as const], communityId: 'c_jj', gridId: 'g1', householdId, verified: true, workerGridIds: [], createdAt: NOW,
  })
  await store.users.create({ ...person('u_committee', null), roles: ['committee'] })
  const voters: string[] = []
  for (let i = 0; i < N + 20; i++) {
    const h = `h_${String(i).padStart(3, '0')}`
    await f.household({ id: h, gridId: 'g1', building: '1', unit: '1', room: String(100 + i), headName: '户主', adults: 1, phone: null, updatedAt: null })
    await store.users.create(person(`u_${String(i).padStart(3, '0')}`, h))
    voters.push(`u_${String(i).padStart(3, '0')}`)
  }
  await open('mo_n1')
  await open('mo_n2', { kind: 'rules', options: null, eligibility: 'households' })
  await open('mo_a')
  // a fixed shuffle: neither key order nor choice order
  const [{ lsn }] = await q<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')
  walFrom = lsn
  let seed = 11
  const idx = Array.from({ length: N }, (_, i) => i)
  for (let i = idx.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const j = seed % (i + 1)
    ;[idx[i], idx[j]] = [idx[j]!, idx[i]!]
  }
  for (const [k, i] of idx.entries()) {
    const voter = voters[i]!
    const hash = sha(`receipt-${k}-${voter}`)
    const choice = String(k % 6)
    const out = await motions.cast('mo_a', { voterKey: voter, householdId: `h_${String(i).padStart(3, '0')}`, channel: 'online', recordedBy: null, receiptHash: hash, choice }, at(k))
    if (out.kind !== 'done') throw new Error(out.kind)
    casts.push({ voter, hash, choice })
    // neighbours' ballots arrive between this motion's, on the same pages
    if (k % 3 === 0 && k / 3 < 20) {
      const other = voters[N + k / 3]!
      const n1 = k % 2 === 0
      const o = n1 ? { id: 'mo_n1', choice: String(k % 6), key: other } : { id: 'mo_n2', choice: 'yes', key: `h_${other.slice(2)}` }
      await motions.cast(o.id, { voterKey: o.key, householdId: `h_${other.slice(2)}`, channel: 'online', recordedBy: null, receiptHash: sha(`n-${k}`), choice: o.choice }, at(k))
    }
  }
  const seen = await attack('mo_a')
  const files = (await q<{ f: string }>("SELECT pg_relation_filepath('motion_ballots') AS f UNION ALL SELECT pg_relation_filepath('motion_voters')")).map((r) => r.f)
  const nodes = await q<{ v: string; b: string }>("SELECT pg_relation_filenode('motion_voters')::text AS v, pg_relation_filenode('motion_ballots')::text AS b")
  filenodes = nodes[0]!
  whileOpen = { byXmin: seen.byXmin, byCtid: seen.byCtid, castXids: new Set(seen.voters.map((v) => v.xmin)), files }
  if (!(await motions.advance('mo_a', 'voting', at(N + 1), none, null))) throw new Error('close')
  // flush every page to the files the bytes are read from
  await pool.query('CHECKPOINT')
})

afterAll(() => close())

describe('PostgreSQL ballot box as a DBA reads it', () => {
  test('while voting is open the attack works: xmin and heap position pair every voter with their ballot (the control)', () => {
    expect(whileOpen.byXmin).toBe(N)
    expect(whileOpen.byCtid).toBeGreaterThanOrEqual(N - 2)
    expect(whileOpen.castXids.size).toBe(N)
  })

  test('after close: every row of the motion carries the close\'s xmin alone, none of a cast; heap order is key order', async () => {
    const seen = await attack('mo_a')
    expect(seen.voters).toHaveLength(N)
    expect(seen.ballots).toHaveLength(N)
    const xmins = new Set([...seen.voters, ...seen.ballots].map((r) => r.xmin))
    expect(xmins.size).toBe(1)
    expect([...xmins].filter((x) => whileOpen.castXids.has(x))).toEqual([])
    expect(seen.byXmin).toBe(0)
    // position: ballots in hash order, voters in key order, so rank pairing is chance (about one right)
    expect([...seen.ballots].sort(byCtid).map((b) => b.receipt_hash)).toEqual(casts.map((c) => c.hash).sort())
    expect([...seen.voters].sort(byCtid).map((v) => v.voter_key)).toEqual(casts.map((c) => c.voter).sort())
    expect(seen.byCtid).toBeLessThanOrEqual(4)
  })

  test('no dead row version is left on any heap page (pageinspect): no line pointer carries a cast\'s xmin', async () => {
    for (const table of ['motion_ballots', 'motion_voters']) {
      const items = await heapItems(table)
      expect(items.length).toBeGreaterThan(N)
      // lp_flags 1: a normal line pointer (dead and redirected ones would be 3 and 2)
      expect(items.filter((i) => i.lp_flags !== 1)).toEqual([])
      expect(items.filter((i) => i.t_xmin !== null && whileOpen.castXids.has(i.t_xmin))).toEqual([])
      const [{ n }] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)
      expect(items).toHaveLength(n)
    }
    // each receipt hash in exactly one tuple of the heap
    const ballots = await heapItems('motion_ballots')
    const data = ballots.map((i) => (i.t_data ? i.t_data.toString('latin1') : ''))
    for (const c of casts) expect(data.filter((d) => d.includes(c.hash))).toHaveLength(1)
  })

  test('the indexes were rebuilt: their leaf entries are the live rows, none points at a cast-time position', async () => {
    const [{ b, v }] = await q<{ b: number; v: number }>('SELECT (SELECT count(*)::int FROM motion_ballots) AS b, (SELECT count(*)::int FROM motion_voters) AS v')
    expect(await indexEntries('motion_ballots_pkey')).toBe(b)
    expect(await indexEntries('motion_voters_pkey')).toBe(v)
  })

  test('the heap files as cast are gone, and the new files hold each hash once', async () => {
    for (const f of whileOpen.files) {
      const [r] = await q<{ size: string | null }>('SELECT (pg_stat_file($1, true)).size::text AS size', [f])
      expect(r.size).toBeNull()
    }
    const [{ f }] = await q<{ f: string }>("SELECT pg_relation_filepath('motion_ballots') AS f")
    expect(whileOpen.files).not.toContain(f)
    const [{ bytes }] = await q<{ bytes: Buffer }>('SELECT pg_read_binary_file($1) AS bytes', [f])
    const raw = bytes.toString('latin1')
    expect(casts.map((c) => raw.split(c.hash).length - 1).filter((n) => n !== 1)).toEqual([])
  })

  test('what the close keeps: the result counts every ballot, each verifiable under its hash', async () => {
    const m = await motions.get('mo_a')
    expect(m?.result?.cast.total).toBe(N)
    const tally: Record<string, number> = {}
    for (const c of casts) tally[c.choice] = (tally[c.choice] ?? 0) + 1
    expect(m?.result?.tally).toEqual(tally)
    expect((await motions.ballots('mo_a')).map((b) => b.receiptHash)).toEqual(casts.map((c) => c.hash).sort())
    for (const c of casts.slice(0, 5)) expect(await motions.ballotOf('mo_a', c.hash)).toBe(c.choice)
  })

  test('what remains after close: the WAL written during voting holds each cast as one transaction inserting a voter row and a ballot row', async () => {
    // the residual the threat model names (docs/API.md): pg_wal until its segments are recycled and overwritten,
    // and any WAL archive or replica; a reader of these records (pg_walinspect here, pg_waldump on a copy) pairs by xid
    const records = await q<{ xid: string; block_ref: string }>(
      `SELECT xid::text AS xid, block_ref FROM pg_get_wal_records_info($1::pg_lsn, pg_current_wal_lsn())
       WHERE resource_manager = 'Heap' AND record_type LIKE 'INSERT%'`,
      [walFrom],
    )
    const inserts = (node: string) => new Set(records.filter((r) => new RegExp(`/${node} (fork main )?blk`).test(r.block_ref)).map((r) => r.xid))
    const voters = inserts(filenodes.v)
    const ballots = inserts(filenodes.b)
    const paired = [...whileOpen.castXids].filter((x) => voters.has(x) && ballots.has(x))
    expect(paired).toHaveLength(N)
  })
})
