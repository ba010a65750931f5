/**
 * The port contract of the message centre, uploaded files' rows and the reminders ledger: what the use cases rely
 * on from MessageRepo, FileRepo and ReminderRepo, declared once and run against every engine by a thin test file
 * (test/api/messages.contract.test.ts: SQLite; test/postgres/messages.contract.test.ts: PostgreSQL), in the shape
 * of notices.contract.ts: each scenario on a fresh store with the same fixture, its deterministic result compared
 * deep-equal with the reference engine's when one is given.
 *
 * Messages are written the way the application writes them: by reminders.send (every feature writes its messages
 * inside its own change; the ledger is the one of this slice). A file is attached the way a report attaches it, by
 * a report_photos row (engine.attach: the report itself is a bare row, the reports repository is not part of
 * this contract).
 *
 * The races (Promise.all) are real concurrency between sessions on PostgreSQL (a pool of more connections than
 * calls, connected beforehand); on SQLite one connection runs them one after another.
 */
import type { FileRecord, FileRepo } from '../../cloud/files/ports'
import type { MessageRecord, MessageRepo } from '../../cloud/messages/ports'
import type { DueReminder, ReminderRepo } from '../../cloud/reminders/ports'
import type { NewUser, UserRepo } from '../../cloud/shared/ports'
import { openSqliteEngine } from './engines'
import { sqliteFixtures, type FixtureWriter } from './fixtures'

export interface MessagesContractStore {
  users: UserRepo
  messages: MessageRepo
  files: FileRepo
  reminders: ReminderRepo
}

export interface MessagesContractEngine {
  store: MessagesContractStore
  fixtures: FixtureWriter
  /** attaches a file to a report (a bare report row made on first use), as a report's photo; rejects when the file is gone */
  attach(reportId: string, fileId: string): Promise<void>
  /** runs one statement of the rows no repository of this contract writes (motions, shifts …); $1 … parameters, literals for booleans */
  exec(sql: string, values: unknown[]): Promise<void>
  close(): Promise<void>
}

export type OpenMessagesEngine = () => Promise<MessagesContractEngine>

/**
 * engine.attach's statements, the same text for both engines ($1: the report, $2: the file): a bare report of the
 * fixture's community (made once), then the file as its photo. Each engine runs them one after the other.
 */
export const ATTACH_SQL = [
  `INSERT INTO reports (id, community_id, street_id, grid_id, reporter_id, category, description, anonymous, visibility,
     moderation, status, level, max_level, accept_by, resolve_by, created_at, updated_at)
   VALUES ($1, 'c_jj', 'st_east', 'g_jj_1', 'u_alice', 'facility', '路灯坏了', false, 'private',
     'clean', 'submitted', 'grid', 'grid', '2025-03-02T02:00:00.000Z', '2025-03-08T02:00:00.000Z',
     '2025-03-01T02:00:00.000Z', '2025-03-01T02:00:00.000Z')
   ON CONFLICT (id) DO NOTHING`,
  'INSERT INTO report_photos (report_id, file_id, event_id, seq) VALUES ($1, $2, NULL, 0)',
]

export const NOW = '2025-03-01T02:00:00.000Z'
const minutes = (n: number) => new Date(Date.parse(NOW) + n * 60_000).toISOString()

export const IDS = {
  street: 'st_east',
  community: 'c_jj',
  g1: 'g_jj_1',
  alice: 'u_alice',
  bob: 'u_bob',
  carol: 'u_carol',
}

const CREATED = '2025-01-01T00:00:00.000Z'

function person(id: string, name: string): NewUser {
  return { id, name, phone: null, roles: ['resident'], communityId: IDS.community, gridId: IDS.g1, householdId: null, verified: true, workerGridIds: [], createdAt: CREATED }
}

async function buildFixture(e: MessagesContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person(IDS.alice, '陈一'))
  await e.store.users.create(person(IDS.bob, '陈二'))
  await e.store.users.create(person(IDS.carol, '陈三'))
}

// ---------- helpers ----------

/** message ids in the order made, the same on both engines */
function idMaker() {
  let n = 0
  return () => `m_${String(++n).padStart(4, '0')}`
}

function reminder(key: string, userIds: string[], p: Partial<DueReminder> = {}): DueReminder {
  return { key, kind: 'shift', title: `提醒 ${key}`, body: '正文', target: { type: 'shift', id: 'sh_1' }, audience: { kind: 'users', userIds }, ...p }
}

/** a message without its seq (a number each engine draws; the order it gives is asserted instead) */
const bare = ({ seq: _seq, ...rest }: MessageRecord) => rest

async function listAll(s: MessagesContractStore, userId: string, unreadOnly: boolean, limit: number): Promise<MessageRecord[]> {
  const out: MessageRecord[] = []
  let after: number | null = null
  for (let i = 0; i < 50; i++) {
    const page: MessageRecord[] = await s.messages.list(userId, { unreadOnly, limit, after })
    expect(page.length).toBeLessThanOrEqual(limit)
    out.push(...page)
    if (page.length < limit) return out
    after = page[page.length - 1].seq
  }
  throw new Error('too many pages')
}

function file(id: string, p: Partial<FileRecord> = {}): FileRecord {
  return {
    id,
    ownerId: IDS.alice,
    mime: 'image/jpeg',
    bytes: 1234,
    width: 640,
    height: 480,
    sha256: `sha-${id}`,
    path: `2025/03/${id}.jpg`,
    createdAt: NOW,
    check: 'none',
    ...p,
  }
}

const ids = (items: { id: string }[]) => items.map((i) => i.id)

// ---------- the suite ----------

export function messagesContract(engine: string, open: OpenMessagesEngine, opts: { reference?: OpenMessagesEngine } = {}): void {
  /** A scenario on a fresh store with the fixture; its result, if any, must be deep-equal on the reference engine. */
  function scenario(title: string, run: (s: MessagesContractStore, e: MessagesContractEngine) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenMessagesEngine) => {
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
    })
  }

  describe(`messages, files and reminders port contract on ${engine}`, () => {
    describe('reminders', () => {
      scenario('send writes the ledger and one message per recipient once; a key already sent writes nothing', async (s) => {
        const newId = idMaker()
        const first = await s.reminders.send(reminder('shift:sh_1:eve', [IDS.bob, IDS.alice, IDS.bob]), NOW, newId)
        expect(first.kind).toBe('sent')
        // the users audience is deduplicated, in the order given
        expect(first).toEqual({
          kind: 'sent',
          messages: [
            { id: 'm_0001', userId: IDS.bob, kind: 'shift', title: '提醒 shift:sh_1:eve', body: '正文', target: { type: 'shift', id: 'sh_1' }, createdAt: NOW },
            { id: 'm_0002', userId: IDS.alice, kind: 'shift', title: '提醒 shift:sh_1:eve', body: '正文', target: { type: 'shift', id: 'sh_1' }, createdAt: NOW },
          ],
        })
        expect(await s.reminders.send(reminder('shift:sh_1:eve', [IDS.carol]), minutes(5), newId)).toEqual({ kind: 'alreadySent' })
        expect(await s.messages.unread(IDS.carol)).toBe(0)
        // nobody to remind is still a reminder sent (the ledger row keeps it from being asked again)
        const none = await s.reminders.send(reminder('motion:mo_none:closing', [], { kind: 'motion', target: null }), NOW, newId)
        expect(none).toEqual({ kind: 'sent', messages: [] })
        expect(await s.reminders.send(reminder('motion:mo_none:closing', [IDS.alice]), NOW, newId)).toEqual({ kind: 'alreadySent' })
        // the query audiences: an unknown motion or shift has nobody to remind
        const unvoted = await s.reminders.send(reminder('motion:mo_x:closing', [], { audience: { kind: 'motionUnvoted', motionId: 'mo_x' } }), NOW, newId)
        const confirmed = await s.reminders.send(reminder('shift:sh_x:eve', [], { audience: { kind: 'shiftConfirmed', shiftId: 'sh_x' } }), NOW, newId)
        expect(unvoted).toEqual({ kind: 'sent', messages: [] })
        expect(confirmed).toEqual({ kind: 'sent', messages: [] })
        const alice = await listAll(s, IDS.alice, false, 10)
        expect(alice.map(bare)).toEqual([{ id: 'm_0002', userId: IDS.alice, kind: 'shift', title: '提醒 shift:sh_1:eve', body: '正文', target: { type: 'shift', id: 'sh_1' }, createdAt: NOW, readAt: null }])
        return { first, bob: (await listAll(s, IDS.bob, false, 10)).map(bare), alice: alice.map(bare) }
      })

      scenario('20 overlapping sweeps send one reminder once: one sent, 19 alreadySent, one message per recipient', async (s) => {
        let n = 0
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            s.reminders.send(reminder('shift:sh_1:eve', [IDS.alice, IDS.bob, IDS.carol]), minutes(i), () => `m_race_${String(++n).padStart(3, '0')}`),
          ),
        )
        expect(results.filter((r) => r.kind === 'sent')).toHaveLength(1)
        expect(results.filter((r) => r.kind === 'alreadySent')).toHaveLength(19)
        for (const u of [IDS.alice, IDS.bob, IDS.carol]) {
          expect(await s.messages.unread(u)).toBe(1)
          expect(await listAll(s, u, false, 10)).toHaveLength(1)
        }
        return { kinds: results.map((r) => r.kind).sort(), unread: await Promise.all([IDS.alice, IDS.bob, IDS.carol].map((u) => s.messages.unread(u))) }
      })
      scenario('the query audiences are resolved at the send: who has not voted, who holds a confirmed seat', async (s, e) => {
        const hh = (id: string, room: string) =>
          e.fixtures.household({ id, gridId: IDS.g1, building: '1', unit: '1', room, headName: `户主${room}`, adults: 2, phone: null, updatedAt: CREATED })
        await hh('h_1', '101')
        await hh('h_2', '102')
        await hh('h_3', '103')
        const placed = (id: string, householdId: string, p: Partial<NewUser> = {}) => s.users.create({ ...person(id, id), householdId, ...p })
        await placed('u_h1_a', 'h_1')
        await placed('u_h1_b', 'h_1')
        await placed('u_h2_a', 'h_2')
        await placed('u_h3_unverified', 'h_3', { verified: false })
        await placed('u_h3_roster', 'h_3', { rosterOnly: true })
        await placed('u_h3_a', 'h_3')

        const motion = (id: string, eligibility: string, status: string, voteUntil: string) =>
          e.exec(
            `INSERT INTO motions (id, community_id, author_id, title, articles, kind, eligibility, status, vote_from, vote_until, created_at, updated_at)
             VALUES ($1, 'c_jj', 'u_alice', '议题', '[{"text":"条"}]', 'rules', $2, $3, $4, $5, $4, $4)`,
            [id, eligibility, status, minutes(-600), voteUntil],
          )
        const voted = (motionId: string, voterKey: string) =>
          e.exec(`INSERT INTO motion_voters (motion_id, voter_key, channel) VALUES ($1, $2, 'online')`, [motionId, voterKey])
        const places = (motionId: string, householdId: string, adults: number, voters: number) =>
          e.exec('INSERT INTO motion_household_adults (motion_id, household_id, adults, voters) VALUES ($1, $2, $3, $4)', [motionId, householdId, adults, voters])
        await motion('mo_h', 'households', 'voting', minutes(600))
        await voted('mo_h', 'h_1')
        await motion('mo_a', 'adults', 'voting', minutes(600))
        await voted('mo_a', 'u_h1_a')
        await places('mo_a', 'h_1', 2, 1)
        await places('mo_a', 'h_2', 1, 1) // the household's only place is taken
        await places('mo_a', 'h_3', 2, 0)
        await motion('mo_closed', 'households', 'closed', minutes(600))
        await motion('mo_late', 'households', 'voting', NOW)

        const shift = (id: string, startAt: string, cancelled = false) =>
          e.exec(
            `INSERT INTO shifts (id, community_id, title, latitude, longitude, radius, start_at, end_at, capacity, status, cancel_reason, cancelled_at, created_by, created_at)
             VALUES ($1, 'c_jj', '夜巡', 30.1, 104.1, 200, $2, $3, 5, $4, $5, $6, 'u_alice', $7)`,
            [id, startAt, new Date(Date.parse(startAt) + 2 * 3600_000).toISOString(), cancelled ? 'cancelled' : 'scheduled',
              cancelled ? '下雨' : null, cancelled ? CREATED : null, CREATED],
          )
        const signup = (id: string, shiftId: string, userId: string, confirmed: boolean) =>
          e.exec(
            `INSERT INTO shift_signups (id, shift_id, user_id, status, signed_up_at, confirmed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
            [id, shiftId, userId, confirmed ? 'confirmed' : 'waitlisted', CREATED, confirmed ? CREATED : null],
          )
        await shift('sh_1', minutes(60))
        await signup('su_1', 'sh_1', IDS.carol, true)
        await signup('su_2', 'sh_1', IDS.bob, false)
        await signup('su_3', 'sh_1', IDS.alice, true)
        await shift('sh_started', NOW)
        await signup('su_4', 'sh_started', IDS.alice, true)
        await shift('sh_cancelled', minutes(60), true)
        await signup('su_5', 'sh_cancelled', IDS.alice, true)

        const newId = idMaker()
        const to = async (key: string, audience: DueReminder['audience']) => {
          const out = await s.reminders.send(reminder(key, [], { audience }), NOW, newId)
          if (out.kind !== 'sent') throw new Error(`${key}: ${out.kind}`)
          return out.messages.map((m) => m.userId)
        }
        const got = {
          // a households motion: h_1 voted, so both of its people are left out; unverified and roster-only never
          households: await to('motion:mo_h:closing', { kind: 'motionUnvoted', motionId: 'mo_h' }),
          // an adults motion: who has not voted, while the household has a place left
          adults: await to('motion:mo_a:closing', { kind: 'motionUnvoted', motionId: 'mo_a' }),
          closed: await to('motion:mo_closed:closing', { kind: 'motionUnvoted', motionId: 'mo_closed' }),
          late: await to('motion:mo_late:closing', { kind: 'motionUnvoted', motionId: 'mo_late' }),
          // confirmed seats in signup order; nobody once started or cancelled
          shift: await to('shift:sh_1:eve', { kind: 'shiftConfirmed', shiftId: 'sh_1' }),
          started: await to('shift:sh_started:eve', { kind: 'shiftConfirmed', shiftId: 'sh_started' }),
          cancelled: await to('shift:sh_cancelled:eve', { kind: 'shiftConfirmed', shiftId: 'sh_cancelled' }),
        }
        expect(got).toEqual({
          households: ['u_h2_a', 'u_h3_a'],
          adults: ['u_h1_b', 'u_h3_a'],
          closed: [],
          late: [],
          shift: [IDS.carol, IDS.alice],
          started: [],
          cancelled: [],
        })
        expect(await s.messages.unread('u_h3_a')).toBe(2)
        return got
      })
    })

    describe('messages', () => {
      scenario('list: newest first by seq, pages with the seq cursor, unreadOnly; unread counts per user', async (s) => {
        const newId = idMaker()
        for (let i = 0; i < 7; i++) await s.reminders.send(reminder(`k${i}`, i % 3 === 2 ? [IDS.bob] : [IDS.alice, IDS.bob]), minutes(i), newId)
        const all = await listAll(s, IDS.alice, false, 100)
        expect(all).toHaveLength(5)
        const seqs = all.map((m) => m.seq)
        expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
        expect(all.map((m) => m.createdAt)).toEqual([minutes(6), minutes(4), minutes(3), minutes(1), minutes(0)])
        // pages of 2 give the same list
        expect(ids(await listAll(s, IDS.alice, false, 2))).toEqual(ids(all))
        expect(await s.messages.unread(IDS.alice)).toBe(5)
        expect(await s.messages.unread(IDS.bob)).toBe(7)
        expect(await s.messages.unread(IDS.carol)).toBe(0)
        expect(await s.messages.list(IDS.carol, { unreadOnly: false, limit: 10, after: null })).toEqual([])

        // one own message read; someone else's is refused and stays unread
        expect(await s.messages.markRead(IDS.alice, { id: all[1].id }, minutes(10))).toBe(true)
        const bobsOwn = (await listAll(s, IDS.bob, false, 100)).find((m) => m.createdAt === minutes(2))
        expect(bobsOwn).toBeDefined()
        expect(await s.messages.markRead(IDS.alice, { id: bobsOwn?.id ?? '' }, minutes(10))).toBe(false)
        expect(await s.messages.markRead(IDS.alice, { id: 'm_nope' }, minutes(10))).toBe(false)
        expect(await s.messages.unread(IDS.bob)).toBe(7)
        // read again later: still true, the first time kept
        expect(await s.messages.markRead(IDS.alice, { id: all[1].id }, minutes(20))).toBe(true)
        const unreadOnly = await listAll(s, IDS.alice, true, 2)
        expect(ids(unreadOnly)).toEqual(ids(all).filter((id) => id !== all[1].id))
        expect(await s.messages.unread(IDS.alice)).toBe(4)

        // all of them: only the user's, and a message read before keeps its time
        expect(await s.messages.markRead(IDS.alice, { all: true }, minutes(30))).toBe(true)
        expect(await s.messages.unread(IDS.alice)).toBe(0)
        expect(await s.messages.unread(IDS.bob)).toBe(7)
        const after = await listAll(s, IDS.alice, false, 100)
        expect(after.map((m) => m.readAt)).toEqual([minutes(30), minutes(10), minutes(30), minutes(30), minutes(30)])
        expect(await listAll(s, IDS.alice, true, 10)).toEqual([])
        // an empty "all" is fine
        expect(await s.messages.markRead(IDS.carol, { all: true }, minutes(30))).toBe(true)
        return { all: all.map(bare), after: after.map(bare), bob: (await listAll(s, IDS.bob, false, 3)).map(bare) }
      })

      scenario('marking read at once (one message 20 times, all 20 times): each read once, unread 0', async (s) => {
        const newId = idMaker()
        for (let i = 0; i < 6; i++) await s.reminders.send(reminder(`k${i}`, [IDS.alice]), minutes(i), newId)
        const all = await listAll(s, IDS.alice, false, 100)
        const times = Array.from({ length: 20 }, (_, i) => minutes(100 + i))
        const one = await Promise.all(times.map((t) => s.messages.markRead(IDS.alice, { id: all[0].id }, t)))
        expect(one.every((r) => r)).toBe(true)
        const readOne = (await listAll(s, IDS.alice, false, 100)).find((m) => m.id === all[0].id)
        expect(times).toContain(readOne?.readAt)
        expect(await s.messages.unread(IDS.alice)).toBe(5)
        const every = await Promise.all(times.map((t) => s.messages.markRead(IDS.alice, { all: true }, t)))
        expect(every.every((r) => r)).toBe(true)
        expect(await s.messages.unread(IDS.alice)).toBe(0)
        const after = await listAll(s, IDS.alice, false, 100)
        // the first message kept its first reading
        expect(after.find((m) => m.id === all[0].id)?.readAt).toBe(readOne?.readAt)
        for (const m of after) expect(times).toContain(m.readAt)
        return { unread: await s.messages.unread(IDS.alice), count: after.length }
      })
    })

    describe('files', () => {
      scenario('create, get, reportOf; listUnattached oldest first, paged by (createdAt, id), before the cutoff', async (s, e) => {
        const made = await s.files.create(file('f_b', { createdAt: minutes(-30), mime: 'image/png' }))
        expect(made).toEqual(file('f_b', { createdAt: minutes(-30), mime: 'image/png' }))
        await s.files.create(file('f_a', { createdAt: minutes(-30), ownerId: IDS.bob }))
        await s.files.create(file('f_c', { createdAt: minutes(-60) }))
        await s.files.create(file('f_d', { createdAt: minutes(-10) }))
        await s.files.create(file('f_e', { createdAt: minutes(-45) }))
        await s.files.create(file('f_new', { createdAt: NOW }))
        expect(await s.files.get('f_b')).toEqual(made)
        expect(await s.files.get('nothing')).toBeNull()
        expect(await s.files.reportOf('f_b')).toBeNull()
        await e.attach('r_1', 'f_e')
        expect(await s.files.reportOf('f_e')).toBe('r_1')

        const before = minutes(-5)
        const all = await s.files.listUnattached(before, 100)
        expect(ids(all)).toEqual(['f_c', 'f_a', 'f_b', 'f_d'])
        const paged: string[] = []
        let after: { createdAt: string; id: string } | undefined
        for (;;) {
          const page = await s.files.listUnattached(before, 1, after)
          paged.push(...ids(page))
          if (page.length < 1) break
          after = { createdAt: page[0].createdAt, id: page[0].id }
        }
        expect(paged).toEqual(ids(all))
        expect(ids(await s.files.listUnattached(minutes(-30), 100))).toEqual(['f_c'])

        // the sweep deletes only what is unattached and older than its cutoff
        expect(await s.files.deleteIfUnattached('f_e', before)).toBe(false)
        expect(await s.files.deleteIfUnattached('f_new', before)).toBe(false)
        expect(await s.files.deleteIfUnattached('f_c', before)).toBe(true)
        expect(await s.files.deleteIfUnattached('f_c', before)).toBe(false)
        expect(await s.files.get('f_c')).toBeNull()
        expect(await s.files.get('f_e')).not.toBeNull()
        return { all, after: await s.files.listUnattached(NOW, 100, undefined) }
      })

      scenario('image checks: the trace of every ask kept, the first answer decides once; failed tries go to the back; a risky answer tells the uploader about the report in the same step', async (s, e) => {
        await s.files.create(file('f_p1', { check: 'pending', createdAt: minutes(-50) }))
        await s.files.create(file('f_p2', { check: 'pending', createdAt: minutes(-40) }))
        await s.files.create(file('f_p3', { check: 'pending', createdAt: minutes(-30), ownerId: IDS.bob }))
        await s.files.create(file('f_plain'))
        expect((await s.files.get('f_p1'))?.check).toBe('pending')
        expect((await s.files.get('f_plain'))?.check).toBe('none')
        // only a pending file takes a trace
        expect(await s.files.checkAsked('f_plain', 'tr_x', minutes(-20))).toBe(false)
        expect(await s.files.checkAsked('f_p1', 'tr_1', minutes(-20))).toBe(true)
        expect(await s.files.checkAsked('f_p3', 'tr_3', minutes(-10))).toBe(true)
        // least recently tried first (never asked: by upload time); one tried after the cutoff waits; older uploads are given up
        const since = minutes(-60)
        expect(ids(await s.files.listPendingChecks(minutes(-15), since, 10))).toEqual(['f_p2', 'f_p1'])
        expect(ids(await s.files.listPendingChecks(minutes(0), since, 10))).toEqual(['f_p2', 'f_p1', 'f_p3'])
        expect(ids(await s.files.listPendingChecks(minutes(0), since, 1))).toEqual(['f_p2'])
        expect(ids(await s.files.listPendingChecks(minutes(0), minutes(-45), 10))).toEqual(['f_p2', 'f_p3'])
        // a failed try (no trace) sends it to the back of the line
        expect(await s.files.checkAsked('f_p2', null, minutes(-5))).toBe(true)
        expect(ids(await s.files.listPendingChecks(minutes(0), since, 10))).toEqual(['f_p1', 'f_p3', 'f_p2'])
        // asked again: the answer to the earlier ask still counts
        expect(await s.files.checkAsked('f_p1', 'tr_1b', minutes(-4))).toBe(true)

        await e.attach('r_9', 'f_p3')
        const notice = { id: 'm_risky', kind: 'report' as const, title: '照片未通过内容安全检查', body: '已对其他居民隐藏', createdAt: minutes(-5) }
        const risky = await s.files.checkAnswered('tr_3', 'risky', '20002', notice)
        expect(risky).toMatchObject({ id: 'f_p3', check: 'risky' })
        // a second push for the trace, an unknown trace: nothing changes, no second message
        expect(await s.files.checkAnswered('tr_3', 'pass', null, notice)).toBeNull()
        expect(await s.files.checkAnswered('tr_unknown', 'pass', null, null)).toBeNull()
        expect((await s.files.get('f_p3'))?.check).toBe('risky')
        const bobs = (await s.messages.list(IDS.bob, { unreadOnly: false, limit: 10, after: null })).map(({ seq: _seq, ...m }) => m)
        expect(bobs).toEqual([{ ...notice, userId: IDS.bob, target: { type: 'report', id: 'r_9' }, readAt: null }])

        expect(await s.files.checkAnswered('tr_1', 'pass', '100', null)).toMatchObject({ id: 'f_p1', check: 'pass' })
        expect(await s.files.checkAnswered('tr_1b', 'risky', null, null)).toBeNull()
        expect(ids(await s.files.listPendingChecks(minutes(0), since, 10))).toEqual(['f_p2'])
        // ten pushes of one answer at once: decided once
        await s.files.checkAsked('f_p2', 'tr_2', minutes(-1))
        const answers = await Promise.all(Array.from({ length: 10 }, () => s.files.checkAnswered('tr_2', 'review', null, null)))
        expect(answers.filter((a) => a !== null)).toHaveLength(1)
        return { p1: await s.files.get('f_p1'), p2: await s.files.get('f_p2'), p3: await s.files.get('f_p3') }
      })

      scenario('createWithinCap: attached files and older ones do not count; 20 uploads at once under a cap of 5 store 5', async (s, e) => {
        const since = minutes(-60)
        const cap = { max: 5, since }
        await s.files.create(file('f_old', { createdAt: minutes(-120) }))
        await s.files.create(file('f_used', { createdAt: minutes(-10) }))
        await e.attach('r_1', 'f_used')
        await s.files.create(file('f_bob', { ownerId: IDS.bob, createdAt: minutes(-10) }))
        expect(await s.files.createWithinCap(file('f_1', { createdAt: minutes(-5) }), cap)).toEqual(file('f_1', { createdAt: minutes(-5) }))

        const raced = await Promise.all(Array.from({ length: 20 }, (_, i) => s.files.createWithinCap(file(`f_race_${String(i).padStart(2, '0')}`), cap)))
        expect(raced.filter((r) => r !== null)).toHaveLength(4)
        const mine = (await s.files.listUnattached(minutes(1), 100)).filter((f) => f.ownerId === IDS.alice && f.createdAt >= since)
        expect(mine).toHaveLength(5)
        // full: refused, nothing stored
        expect(await s.files.createWithinCap(file('f_over'), cap)).toBeNull()
        expect(await s.files.get('f_over')).toBeNull()
        // another owner has their own room
        expect(await s.files.createWithinCap(file('f_bob_2', { ownerId: IDS.bob }), cap)).not.toBeNull()
        return { stored: raced.filter((r) => r !== null).length, mine: mine.length }
      })

      scenario('the orphan sweep at once: 10 deletes of one file delete it once; a delete racing an attach, one wins', async (s, e) => {
        const before = minutes(1)
        await s.files.create(file('f_1'))
        const deletes = await Promise.all(Array.from({ length: 10 }, () => s.files.deleteIfUnattached('f_1', before)))
        expect(deletes.filter((d) => d)).toHaveLength(1)
        expect(await s.files.get('f_1')).toBeNull()

        const outcomes: string[] = []
        for (let i = 0; i < 10; i++) {
          const id = `f_race_${i}`
          await s.files.create(file(id))
          const [attached, deleted] = await Promise.all([
            e.attach(`r_${i}`, id).then(
              () => true,
              () => false,
            ),
            s.files.deleteIfUnattached(id, before),
          ])
          // never both (a photo of a report whose row is gone) and never neither
          expect(attached).not.toBe(deleted)
          expect(await s.files.get(id)).toEqual(attached ? file(id) : null)
          expect(await s.files.reportOf(id)).toBe(attached ? `r_${i}` : null)
          outcomes.push(attached ? 'attached' : 'deleted')
        }
        return { deletes: deletes.filter((d) => d).length, outcomes: outcomes.length }
      })
    })
  })
}

/** The suite on a temporary SQLite file: the SQLite runner's engine and the PostgreSQL runner's reference. */
export async function openSqliteMessagesEngine(): Promise<MessagesContractEngine> {
  const { store, exec, close } = await openSqliteEngine()
  return {
    store,
    fixtures: sqliteFixtures(store.db),
    async attach(reportId, fileId) {
      // SQLite takes $1 … as named parameters "1" …: bound by position, as in fixtures.ts
      store.db.transaction(() => {
        store.db.prepare(ATTACH_SQL[0]).run({ '1': reportId })
        store.db.prepare(ATTACH_SQL[1]).run({ '1': reportId, '2': fileId })
      })()
    },
    exec,
    close,
  }
}
