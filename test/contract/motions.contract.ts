/**
 * The motions feature's port contract: what the use cases rely on from MotionRepo (cloud/motions/ports.ts), declared
 * once and run against every engine by a thin test file (test/api/motions.contract.test.ts: SQLite;
 * test/postgres/motions.contract.test.ts: PostgreSQL, with SQLite as the reference), in the shape of
 * patrols.contract.ts: each scenario on a fresh store with the same fixture, its deterministic result compared
 * deep-equal with the reference engine's when one is given.
 *
 * The races (Promise.all) are real concurrency between sessions on PostgreSQL (a pool of more connections than
 * the calls of a race, connected beforehand); on SQLite one connection runs them one after another, and the
 * multi-process race suite (test/api/motions.concurrency.test.ts) proves the same there. A result that depends on
 * how a race interleaved (which of 20 casts beat the close) is asserted, not compared across engines.
 */
import crypto from 'node:crypto'
import type { MotionStatus } from '../../src/domain/motions'
import type { MessageRecord, MessageRepo, NewMessage } from '../../cloud/messages/ports'
import type { MotionBallot, MotionMessages, MotionRecord, MotionRepo, NewMotion } from '../../cloud/motions/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface MotionsContractStore {
  users: UserRepo
  audit: AuditRepo
  messages: MessageRepo
  motions: MotionRepo
}

export interface MotionsContractEngine {
  store: MotionsContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenMotionsEngine = () => Promise<MotionsContractEngine>

export const NOW = '2025-03-01T02:00:00.000Z'
const HOUR = 3600_000
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString()
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()
const CREATED = '2025-01-01T00:00:00.000Z'

export const IDS = {
  street: 'st_east',
  community: 'c_jj',
  other: 'c_hx',
  g1: 'g_jj_1',
  gx: 'g_hx_1',
  // adults on the roster: h1 2, h2 1, h3 none (no place), hx (the other community) 4
  h1: 'h_jj_1',
  h2: 'h_jj_2',
  h3: 'h_jj_3',
  hx: 'h_hx_1',
  committee: 'u_committee',
  alice: 'u_alice',
  bob: 'u_bob',
  carol: 'u_carol',
  dave: 'u_dave',
  erin: 'u_erin',
  frank: 'u_frank',
  gina: 'u_gina',
}

function person(id: string, name: string, householdId: string | null, p: Partial<NewUser> = {}): NewUser {
  return {
    id,
    name,
    phone: null,
    roles: ['resident'],
    communityId: IDS.community,
    gridId: IDS.g1,
    householdId,
    verified: true,
    workerGridIds: [],
    createdAt: CREATED,
    ...p,
  }
}

const household = (id: string, gridId: string, room: string, adults: number | null) => ({
  id, gridId, building: '1栋', unit: '1单元', room, headName: `户主${room}`, adults, phone: null, updatedAt: null,
})

async function buildFixture(e: MotionsContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.other, streetId: IDS.street, name: '华兴社区', kind: 'community', seq: 1 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gx, communityId: IDS.other, name: '华兴一格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.household(household(IDS.h1, IDS.g1, '101', 2))
  await e.fixtures.household(household(IDS.h2, IDS.g1, '102', 1))
  await e.fixtures.household(household(IDS.h3, IDS.g1, '103', null))
  await e.fixtures.household(household(IDS.hx, IDS.gx, '201', 4))
  await e.store.users.create(person(IDS.committee, '社区干部', null, { roles: ['committee'], verified: false }))
  await e.store.users.create(person(IDS.alice, '陈一', IDS.h1))
  await e.store.users.create(person(IDS.bob, '陈二', IDS.h1))
  await e.store.users.create(person(IDS.carol, '陈三', IDS.h2))
  await e.store.users.create(person(IDS.dave, '陈四', IDS.h3))
  // not told: erin has no household, frank is not verified, gina is on the roster only
  await e.store.users.create(person(IDS.erin, '陈五', null))
  await e.store.users.create(person(IDS.frank, '陈六', IDS.h2, { verified: false }))
  await e.store.users.create(person(IDS.gina, '陈七', IDS.h1, { rosterOnly: true }))
}

/** `n` more members of household `householdId` (verified), u_m0000 …, made one after the other. */
async function members(s: MotionsContractStore, n: number, householdId: string): Promise<string[]> {
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const id = `u_m${householdId}_${String(i).padStart(4, '0')}`
    await s.users.create(person(id, `成员${String(i).padStart(4, '0')}`, householdId))
    out.push(id)
  }
  return out
}

// ---------- helpers ----------

function motion(id: string, p: Partial<NewMotion> = {}): NewMotion {
  return {
    id,
    communityId: IDS.community,
    authorId: IDS.committee,
    title: `议题 ${id}`,
    preamble: '为了小区更好',
    articles: [{ text: '第一条' }, { text: '第二条' }],
    kind: 'matter',
    options: ['东门', '西门', '维持现状'],
    eligibility: 'adults',
    consultUntil: at(24),
    voteFrom: at(48),
    voteUntil: at(72),
    createdAt: NOW,
    ...p,
  }
}

function audit(targetId: string, action = 'motion.create', atIso = NOW): AuditEntry {
  return { at: atIso, actorId: IDS.committee, action, targetType: 'motion', targetId, communityId: IDS.community, detail: { n: 1 } }
}

async function make(s: MotionsContractStore, m: NewMotion): Promise<MotionRecord> {
  const out = await s.motions.create(m, audit(m.id), null)
  if (out.kind === 'keyReused') throw new Error('keyReused')
  return out.motion
}

/** message ids in the order made, the same on both engines */
function idMaker(prefix = 'm') {
  let n = 0
  return () => `${prefix}_${String(++n).padStart(4, '0')}`
}

function phaseMessages(newId: () => string): MotionMessages {
  return (m, to, userIds) =>
    userIds.map((userId): NewMessage => ({ id: newId(), userId, kind: 'motion', title: `议题${to}`, body: m.title, target: { type: 'motion', id: m.id }, createdAt: NOW }))
}

const later = (ms: number) => new Promise((r) => setTimeout(r, ms))
const sha = (s: string) => crypto.createHash('sha256').update(s).digest('hex')

function ballot(voterKey: string, householdId: string | null, choice: string, receipt: string, p: Partial<MotionBallot> = {}): MotionBallot {
  return { voterKey, householdId, channel: 'online', recordedBy: null, receiptHash: sha(receipt), choice, ...p }
}

/** Makes the motion and walks it to `to` by advance (at NOW, so before its voteFrom: the time rule leaves it). */
async function walkTo(s: MotionsContractStore, m: NewMotion, to: MotionStatus, newId = idMaker(`w_${m.id}`)): Promise<MotionRecord> {
  let cur = await make(s, m)
  const path: MotionStatus[] = ['draft', 'consultation', 'voting', 'closed']
  while (cur.status !== to) {
    const done = await s.motions.advance(cur.id, cur.status, NOW, phaseMessages(newId), null)
    if (!done) throw new Error(`advance ${cur.id} from ${cur.status}`)
    cur = done.motion
    if (path.indexOf(cur.status) > path.indexOf(to)) throw new Error('past')
  }
  return cur
}

/** a record without its seq (a number each engine draws; races and rollbacks may leave gaps on PostgreSQL) */
const bare = <T extends { seq: number }>({ seq: _seq, ...rest }: T) => rest
const bareMessage = ({ seq: _seq, ...rest }: MessageRecord) => rest
const trail = async (s: MotionsContractStore, targetId: string) => (await s.audit.list({ targetId, limit: 50 })).map(({ id: _id, ...e }) => e)
const count = <T>(items: T[], pred: (x: T) => boolean) => items.filter(pred).length
const ids = (items: { id: string }[]) => items.map((i) => i.id)

// ---------- the suite ----------

export function motionsContract(engine: string, open: OpenMotionsEngine, opts: { reference?: OpenMotionsEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: MotionsContractStore, e: MotionsContractEngine) => Promise<unknown>, timeout?: number): void {
    test(
      title,
      async () => {
        const runOn = async (openIt: OpenMotionsEngine) => {
          const e = await openIt()
          try {
            await buildFixture(e)
            return await run(e.store, e)
          } finally {
            await e.close()
          }
        }
        const result = await runOn(open)
        if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
      },
      timeout,
    )
  }

  describe(`motions port contract on ${engine}`, () => {
    describe('create, get, list, revise, comments', () => {
      scenario('create writes the motion, revision 1 and the audit in one step; a retried key replays, another input is keyReused', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'motion.create', requestId: 'req-1', fingerprint: 'fp-1' }
        const made = await s.motions.create(motion('mo_a'), audit('mo_a'), key)
        if (made.kind !== 'created') throw new Error('not created')
        expect(bare(made.motion)).toEqual({
          ...motion('mo_a'), status: 'draft', base: null, consultedAt: null, openedAt: null, closedAt: null, result: null, riskGate: 'none', rev: 1, updatedAt: NOW,
        })
        expect(await s.motions.create(motion('mo_other'), audit('mo_other'), key)).toEqual({ kind: 'replayed', motion: made.motion })
        expect(await s.motions.create(motion('mo_x'), audit('mo_x'), { ...key, fingerprint: 'fp-2' })).toEqual({ kind: 'keyReused' })
        expect(await s.motions.get('mo_other')).toBeNull()
        expect(await s.motions.get('mo_x')).toBeNull()
        expect(await s.motions.get('nothing')).toBeNull()
        expect(await s.motions.get('mo_a')).toEqual(made.motion)
        const rules = await make(s, motion('mo_r', { kind: 'rules', options: null, eligibility: 'households', consultUntil: null, preamble: null }))
        expect(await s.motions.revisions('mo_a')).toEqual([{ rev: 1, title: '议题 mo_a', preamble: '为了小区更好', articles: motion('mo_a').articles, byId: IDS.committee, byName: '社区干部', at: NOW }])
        expect(await trail(s, 'mo_a')).toEqual([audit('mo_a')])
        expect(await trail(s, 'mo_x')).toEqual([])
        return { made: bare(made.motion), rules: bare(rules) }
      })

      scenario('20 creates at once with one key: one created, 19 replayed, one motion and one audit entry', async (s) => {
        const key: IdempotencyKey = { userId: IDS.committee, action: 'motion.create', requestId: 'req-race', fingerprint: 'fp' }
        const results = await Promise.all(Array.from({ length: 20 }, (_, i) => s.motions.create(motion(`mo_${i}`), audit(`mo_${i}`), key)))
        expect(count(results, (r) => r.kind === 'created')).toBe(1)
        expect(count(results, (r) => r.kind === 'replayed')).toBe(19)
        const winner = results.find((r) => r.kind === 'created')
        if (!winner || winner.kind !== 'created') throw new Error('no winner')
        for (const r of results) expect(r.kind !== 'keyReused' && r.motion).toEqual(winner.motion)
        expect(await s.motions.list(IDS.community, { withDrafts: true, limit: 50, after: null })).toHaveLength(1)
        expect((await s.audit.list({ limit: 100 })).filter((a) => a.action === 'motion.create')).toHaveLength(1)
        return { kinds: results.map((r) => r.kind).sort() }
      })

      scenario('list: newest first by seq, paged by seq; drafts only when asked; by status; one community', async (s) => {
        for (const id of ['mo_1', 'mo_2', 'mo_3', 'mo_4', 'mo_5']) await make(s, motion(id))
        await make(s, motion('mo_hx', { communityId: IDS.other }))
        const g = idMaker()
        await s.motions.advance('mo_2', 'draft', NOW, phaseMessages(g), null)
        await s.motions.advance('mo_4', 'draft', NOW, phaseMessages(g), null)
        await s.motions.advance('mo_4', 'consultation', NOW, phaseMessages(g), null)
        const all = await s.motions.list(IDS.community, { withDrafts: true, limit: 50, after: null })
        expect(ids(all)).toEqual(['mo_5', 'mo_4', 'mo_3', 'mo_2', 'mo_1'])
        const pages: string[][] = []
        let after: number | null = null
        for (let i = 0; i < 10; i++) {
          const page: MotionRecord[] = await s.motions.list(IDS.community, { withDrafts: true, limit: 2, after })
          pages.push(ids(page))
          if (page.length < 2) break
          after = page[page.length - 1].seq
        }
        expect(pages).toEqual([['mo_5', 'mo_4'], ['mo_3', 'mo_2'], ['mo_1']])
        const published = await s.motions.list(IDS.community, { withDrafts: false, limit: 50, after: null })
        expect(ids(published)).toEqual(['mo_4', 'mo_2'])
        expect(ids(await s.motions.list(IDS.community, { status: 'voting', withDrafts: false, limit: 50, after: null }))).toEqual(['mo_4'])
        expect(ids(await s.motions.list(IDS.community, { status: 'draft', withDrafts: true, limit: 50, after: null }))).toEqual(['mo_5', 'mo_3', 'mo_1'])
        expect(ids(await s.motions.list(IDS.other, { withDrafts: true, limit: 50, after: null }))).toEqual(['mo_hx'])
        expect(await s.motions.list('c_none', { withDrafts: true, limit: 50, after: null })).toEqual([])
        return { all: all.map(bare), pages }
      })

      scenario('revise: unchanged writes nothing; a text change is a revision; dates alone are not; kind locked in consultation; not while voting', async (s) => {
        const m = motion('mo_a')
        await make(s, m)
        const patch = { title: m.title, preamble: m.preamble, articles: m.articles, kind: m.kind, options: m.options, eligibility: m.eligibility,
          consultUntil: m.consultUntil, voteFrom: m.voteFrom, voteUntil: m.voteUntil }
        const same = await s.motions.revise('mo_a', patch, IDS.committee, minutes(1), audit('mo_a', 'motion.revise', minutes(1)))
        expect(same?.kind).toBe('unchanged')
        const text = await s.motions.revise('mo_a', { ...patch, title: '新标题', articles: [{ text: '唯一一条' }] }, IDS.committee, minutes(2), audit('mo_a', 'motion.revise', minutes(2)))
        expect(text?.kind === 'revised' && [text.motion.rev, text.motion.title, text.motion.updatedAt]).toEqual([2, '新标题', minutes(2)])
        const dates = await s.motions.revise('mo_a', { ...patch, title: '新标题', articles: [{ text: '唯一一条' }], voteUntil: at(96), kind: 'rules', options: null },
          IDS.committee, minutes(3), audit('mo_a', 'motion.revise', minutes(3)))
        expect(dates?.kind === 'revised' && [dates.motion.rev, dates.motion.voteUntil, dates.motion.kind]).toEqual([2, at(96), 'rules'])
        await s.motions.advance('mo_a', 'draft', minutes(4), phaseMessages(idMaker('a1')), null)
        const cur = { ...patch, title: '新标题', articles: [{ text: '唯一一条' }], voteUntil: at(96), kind: 'rules' as const, options: null }
        expect(await s.motions.revise('mo_a', { ...cur, eligibility: 'households' }, IDS.committee, minutes(5), audit('mo_a'))).toEqual({ kind: 'kindLocked' })
        const inConsultation = await s.motions.revise('mo_a', { ...cur, preamble: null }, IDS.committee, minutes(6), audit('mo_a', 'motion.revise', minutes(6)))
        expect(inConsultation?.kind === 'revised' && inConsultation.motion.rev).toBe(3)
        await s.motions.advance('mo_a', 'consultation', minutes(7), phaseMessages(idMaker('a2')), null)
        expect(await s.motions.revise('mo_a', { ...cur, title: '又改' }, IDS.committee, minutes(8), audit('mo_a'))).toBeNull()
        expect(await s.motions.revise('nothing', cur, IDS.committee, minutes(8), audit('nothing'))).toBeNull()
        const revisions = await s.motions.revisions('mo_a')
        expect(revisions.map((r) => [r.rev, r.title, r.preamble, r.at])).toEqual([
          [1, m.title, m.preamble, NOW], [2, '新标题', m.preamble, minutes(2)], [3, '新标题', null, minutes(6)],
        ])
        const entries = await trail(s, 'mo_a')
        expect(entries.map((e) => [e.action, e.at])).toEqual([
          ['motion.revise', minutes(6)], ['motion.revise', minutes(3)], ['motion.revise', minutes(2)], ['motion.create', NOW],
        ])
        return { same, text, dates, inConsultation, revisions, entries, got: bare((await s.motions.get('mo_a'))!) }
      })

      scenario('comments: only in consultation before consultUntil and voteFrom; replayed per key; replies replace; in order', async (s) => {
        await walkTo(s, motion('mo_a'), 'consultation')
        await make(s, motion('mo_draft'))
        const c = (id: string, atIso: string, p: { motionId?: string; articleIndex?: number | null; authorId?: string } = {}) => ({
          id, motionId: p.motionId ?? 'mo_a', authorId: p.authorId ?? IDS.alice, articleIndex: p.articleIndex ?? null, text: `意见 ${id}`, at: atIso,
        })
        const key: IdempotencyKey = { userId: IDS.alice, action: 'motion.comment', requestId: 'req-c', fingerprint: 'fp' }
        const first = await s.motions.addComment(c('cm_1', minutes(1), { articleIndex: 1 }), key)
        expect(first?.kind).toBe('added')
        expect(await s.motions.addComment(c('cm_1b', minutes(2)), key)).toEqual({ kind: 'replayed', comment: first?.kind === 'added' ? first.comment : null })
        expect(await s.motions.addComment(c('cm_1c', minutes(2)), { ...key, fingerprint: 'other' })).toEqual({ kind: 'keyReused' })
        await s.motions.addComment(c('cm_2', minutes(3), { authorId: IDS.bob }))
        await s.motions.addComment(c('cm_3', minutes(4)), null)
        // refused: a draft, the end of consultation (consultUntil, exclusive), an unknown motion; the key goes with it
        expect(await s.motions.addComment(c('cm_x', minutes(5), { motionId: 'mo_draft' }), { ...key, requestId: 'req-x' })).toBeNull()
        expect(await s.motions.addComment(c('cm_y', at(24)))).toBeNull()
        expect(await s.motions.addComment(c('cm_z', NOW, { motionId: 'nothing' }))).toBeNull()
        expect((await s.motions.addComment(c('cm_x2', minutes(6), { motionId: 'mo_draft' }), { ...key, requestId: 'req-x' }))).toBeNull()
        const rKey: IdempotencyKey = { userId: IDS.committee, action: 'motion.reply', requestId: 'req-r', fingerprint: 'fp' }
        const replied = await s.motions.reply('cm_2', '已采纳', IDS.committee, minutes(10), audit('cm_2', 'motion.reply', minutes(10)), rKey)
        expect(replied?.kind === 'replied' && replied.comment.reply).toEqual({ text: '已采纳', byId: IDS.committee, byName: '社区干部', at: minutes(10) })
        expect(await s.motions.reply('cm_2', '别的', IDS.committee, minutes(11), audit('cm_2'), rKey)).toEqual({ kind: 'replayed', comment: replied?.kind === 'replied' ? replied.comment : null })
        expect(await s.motions.reply('cm_2', '别的', IDS.committee, minutes(11), audit('cm_2'), { ...rKey, fingerprint: 'x' })).toEqual({ kind: 'keyReused' })
        const later = await s.motions.reply('cm_2', '改为部分采纳', IDS.committee, minutes(12), audit('cm_2', 'motion.reply', minutes(12)))
        expect(later?.kind === 'replied' && later.comment.reply?.text).toBe('改为部分采纳')
        expect(await s.motions.reply('nothing', 'x', IDS.committee, minutes(12), audit('nothing'))).toBeNull()
        const all = await s.motions.comments('mo_a')
        expect(ids(all)).toEqual(['cm_1', 'cm_2', 'cm_3'])
        expect(await s.motions.comment('cm_2')).toEqual(all[1])
        expect(await s.motions.comment('nothing')).toBeNull()
        expect(await s.motions.comments('mo_draft')).toEqual([])
        return { first, all, replied, trail: await trail(s, 'cm_2') }
      })
    })

    describe('phases, ballots, result and rules', () => {
      scenario('advance: each step from its status, messages to verified residents with a household; a stale status writes nothing', async (s) => {
        await make(s, motion('mo_a'))
        const g = idMaker()
        const toConsult = await s.motions.advance('mo_a', 'draft', minutes(1), phaseMessages(g), audit('mo_a', 'motion.advance', minutes(1)))
        expect(toConsult?.motion.status).toBe('consultation')
        expect(toConsult?.messages.map((m) => m.userId)).toEqual([IDS.alice, IDS.bob, IDS.carol, IDS.dave])
        expect(await s.motions.advance('mo_a', 'draft', minutes(2), phaseMessages(g), audit('mo_a', 'motion.advance'))).toBeNull()
        expect(await s.motions.advance('mo_a', 'voting', minutes(2), phaseMessages(g), null)).toBeNull()
        expect(await s.motions.advance('nothing', 'draft', minutes(2), phaseMessages(g), null)).toBeNull()
        const toVoting = await s.motions.advance('mo_a', 'consultation', minutes(3), phaseMessages(g), null)
        // the base frozen: adults summed (2 + 1 + none), households counted; each household's adults frozen
        expect(toVoting?.motion.base).toEqual({ adults: 3, households: 3 })
        expect(await s.motions.householdPlaces('mo_a', IDS.h1)).toEqual({ adults: 2, voters: 0 })
        expect(await s.motions.householdPlaces('mo_a', IDS.h3)).toEqual({ adults: 0, voters: 0 })
        expect(await s.motions.base(IDS.community)).toEqual({ adults: 3, households: 3 })
        expect(await s.motions.base(IDS.other)).toEqual({ adults: 4, households: 1 })
        const toClosed = await s.motions.advance('mo_a', 'voting', minutes(4), phaseMessages(g), null)
        expect(toClosed?.motion.result).toEqual({
          base: { adults: 3, households: 3 }, cast: { online: 0, offline: 0, total: 0, households: 0 }, tally: { 0: 0, 1: 0, 2: 0 },
          quorumMet: false, passed: false, winner: null,
        })
        expect(await s.motions.advance('mo_a', 'closed', minutes(5), phaseMessages(g), null)).toBeNull()
        const told = (await s.messages.list(IDS.alice, { unreadOnly: false, limit: 10, after: null })).map(bareMessage)
        expect(told).toHaveLength(3)
        expect(await s.messages.unread(IDS.erin)).toBe(0)
        expect(await s.messages.unread(IDS.frank)).toBe(0)
        expect(await s.messages.unread(IDS.gina)).toBe(0)
        const strip = (d: typeof toConsult) => d && { motion: bare(d.motion), messages: d.messages }
        return { toConsult: strip(toConsult), toVoting: strip(toVoting), toClosed: strip(toClosed), told, trail: await trail(s, 'mo_a') }
      })

      scenario('cast: done, alreadyVoted, receiptTaken, householdFull, notVoting; voted, places, turnout, ballotOf; the result and ballots at close', async (s) => {
        await walkTo(s, motion('mo_a'), 'voting')
        await make(s, motion('mo_draft'))
        const ok = await s.motions.cast('mo_a', ballot(IDS.alice, IDS.h1, '0', 'r-alice'), minutes(1))
        expect(ok).toEqual({ kind: 'done' })
        expect(await s.motions.cast('mo_a', ballot(IDS.alice, IDS.h1, '1', 'r-alice-2'), minutes(2))).toEqual({ kind: 'alreadyVoted' })
        // already voted wins over a taken receipt
        expect(await s.motions.cast('mo_a', ballot(IDS.alice, IDS.h1, '1', 'r-alice'), minutes(2))).toEqual({ kind: 'alreadyVoted' })
        expect(await s.motions.cast('mo_a', ballot(IDS.bob, IDS.h1, '1', 'r-alice'), minutes(2))).toEqual({ kind: 'receiptTaken' })
        expect(await s.motions.cast('mo_a', ballot(IDS.bob, IDS.h1, '1', 'r-bob'), minutes(3))).toEqual({ kind: 'done' })
        // h1 has 2 adults: a third member has no place; h3 has none on the roster; no household at all
        expect(await s.motions.cast('mo_a', ballot(IDS.gina, IDS.h1, '1', 'r-gina', { channel: 'offline', recordedBy: IDS.committee }), minutes(4))).toEqual({ kind: 'householdFull', adults: 2 })
        expect(await s.motions.cast('mo_a', ballot(IDS.dave, IDS.h3, '1', 'r-dave'), minutes(4))).toEqual({ kind: 'householdFull', adults: 0 })
        expect(await s.motions.cast('mo_a', ballot(IDS.erin, null, '1', 'r-erin'), minutes(4))).toEqual({ kind: 'householdFull', adults: 0 })
        expect(await s.motions.cast('mo_a', ballot(IDS.carol, IDS.h2, '1', 'r-carol', { channel: 'offline', recordedBy: IDS.committee }), minutes(5))).toEqual({ kind: 'done' })
        // not in voting: a draft, an unknown motion, at voteUntil (the time rule first)
        expect(await s.motions.cast('mo_draft', ballot(IDS.dave, IDS.h3, '1', 'r-x'), minutes(5))).toEqual({ kind: 'notVoting' })
        expect(await s.motions.cast('nothing', ballot(IDS.dave, IDS.h3, '1', 'r-x'), minutes(5))).toEqual({ kind: 'notVoting' })
        expect(await s.motions.cast('mo_a', ballot(IDS.frank, IDS.h2, '1', 'r-frank'), at(72))).toEqual({ kind: 'notVoting' })
        const during = {
          voted: [await s.motions.voted('mo_a', IDS.alice), await s.motions.voted('mo_a', IDS.gina), await s.motions.voted('mo_draft', IDS.alice)],
          places: [await s.motions.householdPlaces('mo_a', IDS.h1), await s.motions.householdPlaces('mo_a', IDS.h2), await s.motions.householdPlaces('nothing', IDS.h1)],
          turnout: [await s.motions.turnout('mo_a'), await s.motions.turnout('mo_draft')],
          ballotOf: [await s.motions.ballotOf('mo_a', sha('r-bob')), await s.motions.ballotOf('mo_a', sha('r-gina')), await s.motions.ballotOf('mo_draft', sha('r-bob'))],
        }
        expect(during).toEqual({
          voted: [true, false, false],
          places: [{ adults: 2, voters: 2 }, { adults: 1, voters: 1 }, { adults: 0, voters: 0 }],
          turnout: [3, 0],
          ballotOf: ['1', null, null],
        })
        const closed = await s.motions.advance('mo_a', 'voting', at(1), phaseMessages(idMaker('cl')), null)
        expect(closed?.motion.result).toEqual({
          base: { adults: 3, households: 3 }, cast: { online: 2, offline: 1, total: 3, households: 2 }, tally: { 0: 1, 1: 2, 2: 0 },
          quorumMet: true, passed: true, winner: 1,
        })
        expect(await s.motions.cast('mo_a', ballot(IDS.frank, IDS.h2, '1', 'r-frank'), at(2))).toEqual({ kind: 'notVoting' })
        const ballots = await s.motions.ballots('mo_a')
        expect(ballots).toEqual([
          { receiptHash: sha('r-alice'), choice: '0' }, { receiptHash: sha('r-bob'), choice: '1' }, { receiptHash: sha('r-carol'), choice: '1' },
        ].sort((a, b) => (a.receiptHash < b.receiptHash ? -1 : 1)))
        // after the close's relayout: every row still there, each answer the same
        const after = {
          voted: await s.motions.voted('mo_a', IDS.carol),
          places: await s.motions.householdPlaces('mo_a', IDS.h1),
          turnout: await s.motions.turnout('mo_a'),
          ballotOf: await s.motions.ballotOf('mo_a', sha('r-alice')),
        }
        expect(after).toEqual({ voted: true, places: { adults: 2, voters: 2 }, turnout: 3, ballotOf: '0' })
        return { during, after, result: closed?.motion.result, ballots }
      })

      scenario('households: the voter key is the household; rules motions passed adopt the next rules version; markFiled and the history', async (s) => {
        const rules = (id: string) => motion(id, { kind: 'rules', options: null, eligibility: 'households' })
        await walkTo(s, rules('mo_r1'), 'voting')
        await walkTo(s, rules('mo_r2'), 'voting')
        await walkTo(s, rules('mo_r3'), 'voting')
        for (const [id, choices] of [['mo_r1', ['yes', 'yes', 'no']], ['mo_r2', ['no', 'no', 'yes']], ['mo_r3', ['yes', 'abstain', 'yes']]] as const) {
          const homes = [IDS.h1, IDS.h2, IDS.h3]
          for (const [i, h] of homes.entries()) expect(await s.motions.cast(id, ballot(h, h, choices[i], `r-${id}-${h}`), minutes(i))).toEqual({ kind: 'done' })
        }
        // the voter key decides once: a second member of h1 is already voted
        expect(await s.motions.cast('mo_r1', ballot(IDS.h1, IDS.h1, 'no', 'r-again'), minutes(9))).toEqual({ kind: 'alreadyVoted' })
        expect(await s.motions.currentRules(IDS.community)).toBeNull()
        const g = idMaker()
        const r1 = await s.motions.advance('mo_r1', 'voting', at(1), phaseMessages(g), null)
        const r2 = await s.motions.advance('mo_r2', 'voting', at(2), phaseMessages(g), null)
        const r3 = await s.motions.advance('mo_r3', 'voting', at(3), phaseMessages(g), null)
        expect([r1, r2, r3].map((r) => r?.motion.result?.passed)).toEqual([true, false, true])
        const current = await s.motions.currentRules(IDS.community)
        expect(current).toEqual({ communityId: IDS.community, version: 2, adoptedAt: at(3), motionId: 'mo_r3', title: '议题 mo_r3', articles: motion('x').articles, filedAt: null })
        expect(await s.motions.currentRules(IDS.other)).toBeNull()
        const filed = await s.motions.markFiled(IDS.community, 1, at(5), audit('mo_r1', 'rules.file', at(5)))
        expect(filed?.filedAt).toBe(at(5))
        expect(await s.motions.markFiled(IDS.community, 9, at(5), audit('none', 'rules.file', at(5)))).toBeNull()
        expect(await trail(s, 'none')).toEqual([])
        const history = await s.motions.rulesHistory(IDS.community, { limit: 10, before: null })
        expect(history.map((r) => [r.version, r.motionId, r.filedAt])).toEqual([[2, 'mo_r3', null], [1, 'mo_r1', at(5)]])
        expect(await s.motions.rulesHistory(IDS.community, { limit: 1, before: 2 })).toEqual([history[1]])
        expect(await s.motions.rulesHistory(IDS.community, { limit: 1, before: null })).toEqual([history[0]])
        return { results: [r1, r2, r3].map((r) => r?.motion.result), history, filed, trail: await trail(s, 'mo_r1'), ballots: await s.motions.ballots('mo_r3') }
      })

      scenario('settle and closingBy: the time rule per motion, per community, everywhere; straight through; once', async (s) => {
        await walkTo(s, motion('mo_a', { voteFrom: at(1), voteUntil: at(5) }), 'consultation')
        await walkTo(s, motion('mo_b', { voteFrom: at(2), voteUntil: at(3), consultUntil: null }), 'consultation')
        await walkTo(s, motion('mo_c', { voteFrom: at(1), voteUntil: at(4) }), 'consultation')
        await walkTo(s, motion('mo_hx', { communityId: IDS.other, voteFrom: at(1), voteUntil: at(3) }), 'consultation')
        await make(s, motion('mo_draft', { voteFrom: at(1), voteUntil: at(2) }))
        expect(ids(await s.motions.closingBy(at(4)))).toEqual(['mo_b', 'mo_hx', 'mo_c'])
        expect(ids(await s.motions.closingBy(at(2.5)))).toEqual([])
        const g = idMaker()
        expect(await s.motions.settle({ motionId: 'mo_a' }, NOW, phaseMessages(g))).toEqual([])
        const one = await s.motions.settle({ motionId: 'mo_a' }, at(1), phaseMessages(g))
        expect((await s.motions.get('mo_a'))?.status).toBe('voting')
        await s.motions.cast('mo_a', ballot(IDS.carol, IDS.h2, '2', 'r-1'), at(1.5))
        // the community at 3.5 h: mo_b consultation → voting → closed in one sweep, mo_c opens, mo_a stays voting
        const community = await s.motions.settle({ communityId: IDS.community }, at(3.5), phaseMessages(g))
        const states = async () => Promise.all(['mo_a', 'mo_b', 'mo_c', 'mo_hx', 'mo_draft'].map(async (id) => (await s.motions.get(id))?.status))
        expect(await states()).toEqual(['voting', 'closed', 'voting', 'consultation', 'draft'])
        expect(await s.motions.settle({ communityId: IDS.community }, at(3.5), phaseMessages(g))).toEqual([])
        const everywhere = await s.motions.settle({ everywhere: true }, at(6), phaseMessages(g))
        expect(await states()).toEqual(['closed', 'closed', 'closed', 'closed', 'draft'])
        expect(await s.motions.settle({ everywhere: true }, at(7), phaseMessages(g))).toEqual([])
        expect(await s.motions.closingBy(at(100))).toEqual([])
        const results = await Promise.all(['mo_a', 'mo_b'].map(async (id) => bare((await s.motions.get(id))!)))
        return { one, community, everywhere, results }
      })
    })

    describe('races', () => {
      scenario('one voter (a household of one adult) casts 10 times at once: exactly one done, 9 alreadyVoted, one ballot', async (s) => {
        await walkTo(s, motion('mo_a'), 'voting')
        const tries = await Promise.all(Array.from({ length: 10 }, (_, i) => s.motions.cast('mo_a', ballot(IDS.carol, IDS.h2, String(i % 3), `r-${i}`), minutes(1))))
        expect(count(tries, (r) => r.kind === 'done')).toBe(1)
        expect(count(tries, (r) => r.kind === 'alreadyVoted')).toBe(9)
        expect(await s.motions.turnout('mo_a')).toBe(1)
        // carol's household has one adult: her repeats are alreadyVoted, not householdFull
        expect(await s.motions.householdPlaces('mo_a', IDS.h2)).toEqual({ adults: 1, voters: 1 })
        const closed = await s.motions.advance('mo_a', 'voting', at(1), phaseMessages(idMaker('cl')), null)
        expect(closed?.motion.result?.cast.total).toBe(1)
        expect(await s.motions.ballots('mo_a')).toHaveLength(1)
        return { kinds: tries.map((r) => r.kind).sort() }
      })

      scenario('8 members of a household of 2 adults cast at once: 2 done, 6 householdFull; 10 voters with one receipt: one done', async (s, e) => {
        const people = await members(s, 8, IDS.h1)
        await walkTo(s, motion('mo_a'), 'voting')
        const tries = await Promise.all(people.map((u, i) => s.motions.cast('mo_a', ballot(u, IDS.h1, '0', `r-${i}`), minutes(1))))
        expect(count(tries, (r) => r.kind === 'done')).toBe(2)
        expect(tries.filter((r) => r.kind !== 'done')).toEqual(Array.from({ length: 6 }, () => ({ kind: 'householdFull', adults: 2 })))
        expect(await s.motions.householdPlaces('mo_a', IDS.h1)).toEqual({ adults: 2, voters: 2 })
        expect(await s.motions.turnout('mo_a')).toBe(2)
        // one receipt hash for ten voters of ten households (households motion): one ballot, the rest refused whole
        const homes = Array.from({ length: 10 }, (_, i) => `h_r${i}`)
        for (const [i, h] of homes.entries()) await e.fixtures.household(household(h, IDS.g1, `3${String(i).padStart(2, '0')}`, 1))
        await walkTo(s, motion('mo_h', { eligibility: 'households' }), 'voting')
        const same = await Promise.all(homes.map((h) => s.motions.cast('mo_h', ballot(h, h, '1', 'r-same'), minutes(1))))
        expect(count(same, (r) => r.kind === 'done')).toBe(1)
        expect(count(same, (r) => r.kind === 'receiptTaken')).toBe(9)
        expect(await s.motions.turnout('mo_h')).toBe(1)
        return { tries: tries.map((r) => r.kind).sort(), same: same.map((r) => r.kind).sort() }
      })

      scenario('20 casts racing the close: each is counted or refused as notVoting; the frozen tally is every ballot in the box', async (s) => {
        const people = await members(s, 20, IDS.hx)
        // a households motion: each member votes for a household key of their own (the box counts keys)
        await walkTo(s, motion('mo_a', { eligibility: 'households' }), 'voting')
        const [closed, ...casts] = await Promise.all([
          later(30).then(() => s.motions.advance('mo_a', 'voting', minutes(30), phaseMessages(idMaker('cl')), null)),
          // half the casts around the close, half well after it (a cast takes up to a few hundred ms on a busy machine)
          ...people.map((u, i) => later(i < 10 ? 15 * i : 1500 + i).then(() => s.motions.cast('mo_a', ballot(u, u, String(i % 3), `r-${i}`), minutes(30)))),
        ])
        if (!closed || typeof closed !== 'object' || !('motion' in closed)) throw new Error('no close')
        const done = count(casts, (r) => r.kind === 'done')
        expect(done + count(casts, (r) => r.kind === 'notVoting')).toBe(20)
        const result = closed.motion.result
        expect(result?.cast.total).toBe(done)
        expect(Object.values(result?.tally ?? {}).reduce((a, b) => a + b, 0)).toBe(done)
        const ballots = await s.motions.ballots('mo_a')
        expect(ballots).toHaveLength(done)
        expect(await s.motions.turnout('mo_a')).toBe(done)
        for (let i = 0; i < 3; i++) expect(count(ballots, (b) => b.choice === String(i))).toBe(result?.tally[String(i)])
        return undefined
      })

      scenario('10 advances from one status at once: one step, its messages once; 10 sweeps at once: each step once', async (s) => {
        await make(s, motion('mo_a'))
        let n = 0
        const mk = () => `m_${++n}`
        const tries = await Promise.all(Array.from({ length: 10 }, () => s.motions.advance('mo_a', 'draft', minutes(1), phaseMessages(mk), audit('mo_a', 'motion.advance', minutes(1)))))
        expect(count(tries, (r) => r !== null)).toBe(1)
        expect(await s.messages.unread(IDS.alice)).toBe(1)
        expect((await trail(s, 'mo_a')).filter((e) => e.action === 'motion.advance')).toHaveLength(1)
        await walkTo(s, motion('mo_b', { voteFrom: at(1), voteUntil: at(2) }), 'consultation')
        const sweeps = await Promise.all(Array.from({ length: 10 }, (_, i) => s.motions.settle(i % 2 ? { everywhere: true } : { communityId: IDS.community }, at(3), phaseMessages(mk))))
        // mo_b: opened and closed once (4 recipients each), mo_a stays (consultation until at(48))
        expect(sweeps.flat()).toHaveLength(8)
        expect(count(sweeps, (r) => r.length > 0)).toBe(1)
        expect((await s.motions.get('mo_b'))?.status).toBe('closed')
        expect(await s.messages.unread(IDS.bob)).toBe(1 + 1 + 2)
        return { advanced: count(tries, (r) => r !== null), messages: sweeps.flat().length }
      })

      scenario('two rules motions of one community close at once: versions 1 and 2, one each', async (s) => {
        const rules = (id: string) => motion(id, { kind: 'rules', options: null, eligibility: 'households' })
        for (const id of ['mo_r1', 'mo_r2']) {
          await walkTo(s, rules(id), 'voting')
          for (const h of [IDS.h1, IDS.h2]) await s.motions.cast(id, ballot(h, h, 'yes', `r-${id}-${h}`), minutes(1))
        }
        const both = await Promise.all(['mo_r1', 'mo_r2'].map((id) => s.motions.advance(id, 'voting', minutes(5), phaseMessages(idMaker(id)), null)))
        expect(both.map((r) => r?.motion.result?.passed)).toEqual([true, true])
        const history = await s.motions.rulesHistory(IDS.community, { limit: 10, before: null })
        expect(history.map((r) => r.version)).toEqual([2, 1])
        expect(history.map((r) => r.motionId).sort()).toEqual(['mo_r1', 'mo_r2'])
        return { versions: history.map((r) => r.version) }
      })

      scenario('a sweep closing rules motions races advances of the same motions: each closed once, versions 1 to 4, no deadlock', async (s) => {
        const rules = (id: string) => motion(id, { kind: 'rules', options: null, eligibility: 'households', voteFrom: at(1), voteUntil: at(2) })
        const ids4 = ['mo_r1', 'mo_r2', 'mo_r3', 'mo_r4']
        for (const id of ids4) {
          await walkTo(s, rules(id), 'voting')
          for (const h of [IDS.h1, IDS.h2]) await s.motions.cast(id, ballot(h, h, 'yes', `r-${id}-${h}`), minutes(1))
        }
        let n = 0
        const mk = () => `m_${++n}`
        const out = await Promise.all([
          s.motions.settle({ communityId: IDS.community }, at(3), phaseMessages(mk)),
          ...[...ids4].reverse().map((id) => s.motions.advance(id, 'voting', at(3), phaseMessages(mk), null)),
        ])
        const [sweep, ...advances] = out as [NewMessage[], ...({ motion: MotionRecord } | null)[]]
        // each motion closed once: by the sweep (4 messages each) or by its advance
        expect(sweep.length / 4 + count(advances, (r) => r !== null)).toBe(4)
        const history = await s.motions.rulesHistory(IDS.community, { limit: 10, before: null })
        expect(history.map((r) => r.version)).toEqual([4, 3, 2, 1])
        expect(history.map((r) => r.motionId).sort()).toEqual(ids4)
        return { versions: history.map((r) => r.version) }
      })
    })
  })
}
