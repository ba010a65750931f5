/**
 * `npm run bench:motions` — motion.cast over HTTP (autocannon, 64 connections), every request a different
 * eligible voter, beside the floors measured in the same run:
 *   - HTTP floor: a bare Fastify route returning a constant (what HTTP + JSON cost on this machine), and
 *     GET /healthz of the real server (Fastify + one SELECT 1, no token);
 *   - storage floor: store.motions.cast called directly in a loop (the one IMMEDIATE transaction a cast is:
 *     state check, voter row, ballot row, fsync), a new voter key each call.
 * The warm-up (BENCH_WARMUP s) casts on one motion, the measured run on another with the same voters; the
 * measured run sends as many casts as the warm-up's rate gives in BENCH_SECONDS and awaits every reply, so that
 * afterwards ballots = voters (turnout) = successful casts can be checked exactly. Figures go to docs/BENCH.md.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore, type SqliteStore } from '../cloud/adapters/sqlite/store'
import { seedDemo } from '../cloud/seed/seedSqlite'
import type { AuditEntry } from '../cloud/shared/ports'
import { addressKey } from '@/domain/residents/address'
import { RECEIPT_PATTERN } from '@/domain/motions'
import { child, CONNECTIONS, direct, fmt, freePort, load, machineLine, printLoad, probe, SECONDS, stop, stopAll, tokensFor, WARMUP, type Row } from './support/run'

/** eligible voters: more than a measured run casts, so that no request repeats a voter */
const VOTERS = Number(process.env.BENCH_VOTERS ?? 40_000)
const COMMUNITY = 'c_jinjiang'
const COMMITTEE = 'u_committee_jj'
const CHOICES = ['yes', 'no', 'abstain'] as const

/**
 * The bench household of voter i, two voters to each. An adults motion takes no more ballots from a household
 * than its roster 成年人数, so each lists 50 (the most the roster allows): the storage floor's voter keys (a new
 * one per call, as many as the machine manages in its seconds) share these households too.
 */
const householdOf = (i: number) => `bench_h_${String(i >> 1).padStart(6, '0')}`

/** Demo data + VOTERS verified residents of 锦江社区, two to each of VOTERS / 2 roster households, straight into the file. */
async function prepare(file: string): Promise<string[]> {
  const store = openSqliteStore(file)
  await seedDemo(store.db)
  const db = store.db
  const household = db.prepare(`INSERT INTO households (id, grid_id, building, unit, room, building_key, unit_key, room_key, head_name, adults, updated_at)
    VALUES (?, 'g_jj_1', '压测楼', '', ?, ?, '', ?, ?, 50, ?)`)
  const user = db.prepare(`INSERT INTO users (id, name, community_id, grid_id, household_id, verified, roster_only, created_at)
    VALUES (?, ?, ?, ?, ?, 1, 0, ?)`)
  const role = db.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'resident')")
  const at = new Date().toISOString()
  const ids: string[] = []
  db.transaction(() => {
    for (let i = 0; i < VOTERS; i++) {
      const room = String((i >> 1) + 1)
      if (i % 2 === 0) household.run(householdOf(i), room, addressKey('压测楼', 'building'), addressKey(room, 'room'), `压测户主${i}`, at)
      const id = `bench_v_${String(i).padStart(6, '0')}`
      user.run(id, `压测居民${i}`, COMMUNITY, 'g_jj_1', householdOf(i), at)
      role.run(id)
      ids.push(id)
    }
  })()
  db.exec('ANALYZE')
  store.close()
  return ids
}

/** A rules motion of 锦江社区 (adults) opened for voting until 30 days from now, through the store; no phase messages. */
async function openMotion(store: SqliteStore, id: string): Promise<string> {
  const now = new Date()
  const at = now.toISOString()
  const audit: AuditEntry = { at, actorId: COMMITTEE, action: 'motion.create', targetType: 'motion', targetId: id, communityId: COMMUNITY }
  await store.motions.create(
    {
      id,
      communityId: COMMUNITY,
      authorId: COMMITTEE,
      title: `压测议题 ${id}`,
      preamble: null,
      articles: [{ text: '压测条款。' }],
      kind: 'rules',
      options: null,
      eligibility: 'adults',
      consultUntil: null,
      voteFrom: at,
      voteUntil: new Date(now.getTime() + 30 * 24 * 3600_000).toISOString(),
      createdAt: at,
    },
    audit,
    null,
  )
  for (const from of ['draft', 'consultation'] as const) {
    if (!(await store.motions.advance(id, from, at, () => [], null))) throw new Error(`could not advance ${id} from ${from}`)
  }
  return id
}

const count = (store: SqliteStore, table: string, motionId: string) =>
  (store.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE motion_id = ?`).get(motionId) as { n: number }).n

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-bench-motions-'))
  const seedStarted = Date.now()
  const voters = await prepare(path.join(dir, 'http.db'))
  fs.copyFileSync(path.join(dir, 'http.db'), path.join(dir, 'direct.db'))
  const httpStore = openSqliteStore(path.join(dir, 'http.db'))
  const [probeMotion, warmMotion, runMotion] = [
    await openMotion(httpStore, 'bench_m_probe'),
    await openMotion(httpStore, 'bench_m_warm'),
    await openMotion(httpStore, 'bench_m_run'),
  ]
  httpStore.close()
  const store = openSqliteStore(path.join(dir, 'direct.db'))
  const directMotion = await openMotion(store, 'bench_m_direct')
  const tokens = await tokensFor(voters)
  console.log(
    `bench: ${os.cpus().length} cores, ${CONNECTIONS} connections, ${SECONDS}s per run after ${WARMUP}s unrecorded, ` +
      `${fmt(voters.length)} eligible voters of 锦江社区 (adults motion); seeded in ${fmt((Date.now() - seedStarted) / 1000, 1)} s`,
  )

  const castBody = (motionId: string, i: number) => JSON.stringify({ action: 'motion.cast', payload: { id: motionId, choice: CHOICES[i % 3] } })
  // each phase from the first voter again (another motion); past the last voter a request repeats one (ALREADY_VOTED)
  const next = { warm: 0, run: 0 }
  const cast = (_k: number, phase: 'warm' | 'run') => {
    const i = next[phase]++
    return { token: tokens[i % tokens.length], body: castBody(phase === 'warm' ? warmMotion : runMotion, i) }
  }

  const rows: Row[] = []
  const floorPort = await freePort()
  const floor = await child(['floor', String(floorPort)])
  rows.push(await load('HTTP floor (bare Fastify route, constant reply)', `http://127.0.0.1:${floorPort}`, () => ({ body: castBody(runMotion, 0) })))
  await stop(floor)

  const apiPort = await freePort()
  const api = await child(['api', path.join(dir, 'http.db'), String(apiPort)])
  const url = `http://127.0.0.1:${apiPort}`
  const receipt = (await probe(url, tokens[0] as string, castBody(probeMotion, 0))) as { receipt: string }
  if (!RECEIPT_PATTERN.test(receipt.receipt)) throw new Error(`motion.cast gave ${JSON.stringify(receipt)}`)
  rows.push(await load('GET /healthz of the API server (no token, SELECT 1)', url, null, '/healthz'))
  const casts = await load('motion.cast over HTTP (a different voter each, write + fsync)', url, cast, '/api', (warm) =>
    Math.min(voters.length, Math.max(1000, Math.round((warm / Math.max(1, WARMUP)) * SECONDS))),
  )
  rows.push(casts)
  await stop(api)

  const floorCast = await direct('storage floor: store.motions.cast (a new voter key each)', (i) =>
      store.motions.cast(
        directMotion,
        {
          voterKey: `bench_d_${i}`,
          householdId: householdOf(i % VOTERS),
          channel: 'online',
          recordedBy: null,
          receiptHash: createHash('sha256').update(`bench-receipt-${i}`).digest('hex'),
          choice: CHOICES[i % 3] as string,
        },
        new Date().toISOString(),
      ),
  )
  rows.push(floorCast)
  const directCalls = floorCast.calls
  const directCheck = { ballots: count(store, 'motion_ballots', directMotion), turnout: await store.motions.turnout(directMotion) }
  store.close()

  // ---------- ballots = turnout = successful casts ----------
  const after = openSqliteStore(path.join(dir, 'http.db'))
  const checks = [
    { name: 'measured run', motion: runMotion, ok2xx: casts.count, exact: true },
    { name: 'warm-up (cut off at its duration: up to 64 casts in flight are not counted by autocannon)', motion: warmMotion, ok2xx: casts.warm, exact: false },
  ].map((c) => ({ ...c, ballots: count(after, 'motion_ballots', c.motion), voters: count(after, 'motion_voters', c.motion) }))
  const turnout = await after.motions.turnout(runMotion)
  after.close()
  if (process.env.BENCH_KEEP === '1') console.log(`kept: ${dir}`)
  else fs.rmSync(dir, { recursive: true, force: true })

  console.log(`\n${machineLine()}`)
  printLoad(rows)
  console.log(`\nmotion.cast replies in the measured run: ${casts.detail}; ${fmt(casts.count + casts.errors)} requests, ${fmt(voters.length)} voters available.`)
  let failed = false
  for (const c of checks) {
    const holds = c.ballots === c.voters && (c.exact ? c.ballots === c.ok2xx : c.ballots >= c.ok2xx && c.ballots - c.ok2xx <= CONNECTIONS)
    failed ||= !holds
    console.log(`check, ${c.name}: ballots ${fmt(c.ballots)}, voters ${fmt(c.voters)}, 2xx ${fmt(c.ok2xx)} → ${holds ? 'ok' : 'MISMATCH'}`)
  }
  const directHolds = directCheck.ballots === directCheck.turnout && directCheck.ballots === directCalls
  failed ||= !directHolds || turnout !== checks[0]?.voters
  console.log(`check, storage floor: ballots ${fmt(directCheck.ballots)}, turnout ${fmt(directCheck.turnout)}, calls ${fmt(directCalls)} → ${directHolds ? 'ok' : 'MISMATCH'}`)
  if (failed) process.exitCode = 1
}

main().catch((e) => {
  console.error(e)
  stopAll()
  process.exit(1)
})
