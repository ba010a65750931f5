/**
 * The 稳评 port contract (MotionRiskRepo, cloud/motions/ports.ts) and the gate it keeps in MotionRepo's steps, run
 * against every engine by a thin test file (test/api/motionRisks.contract.test.ts: SQLite;
 * test/postgres/motionRisks.contract.test.ts: PostgreSQL with SQLite as the reference), in the shape of
 * motions.contract.ts.
 */
import type { MotionMessages, MotionRecord, MotionRepo, MotionRiskRepo, NewMotion, NewRiskAssessment } from '../../cloud/motions/ports'
import type { AuditEntry, AuditRepo, IdempotencyKey, NewUser, UserRepo } from '../../cloud/shared/ports'
import type { FixtureWriter } from './fixtures'

export interface RisksContractStore {
  users: UserRepo
  audit: AuditRepo
  motions: MotionRepo
  motionRisks: MotionRiskRepo
}

export interface RisksContractEngine {
  store: RisksContractStore
  fixtures: FixtureWriter
  close(): Promise<void>
}

export type OpenRisksEngine = () => Promise<RisksContractEngine>

const NOW = '2025-03-01T02:00:00.000Z'
const HOUR = 3600_000
const at = (hours: number) => new Date(Date.parse(NOW) + hours * HOUR).toISOString()

const IDS = {
  street: 'st_east',
  otherStreet: 'st_west',
  community: 'c_jj',
  far: 'c_far',
  g1: 'g_jj_1',
  gf: 'g_far_1',
  committee: 'u_committee',
  farCommittee: 'u_far_committee',
  streetStaff: 'u_street',
}

function person(id: string, name: string, p: Partial<NewUser>): NewUser {
  return { id, name, phone: null, roles: ['committee'], communityId: IDS.community, gridId: null, householdId: null, verified: false, workerGridIds: [], createdAt: NOW, ...p }
}

async function buildFixture(e: RisksContractEngine): Promise<void> {
  await e.fixtures.street({ id: IDS.street, name: '城东街道', seq: 0 })
  await e.fixtures.street({ id: IDS.otherStreet, name: '城西街道', seq: 1 })
  await e.fixtures.community({ id: IDS.community, streetId: IDS.street, name: '锦江社区', kind: 'community', seq: 0 })
  await e.fixtures.community({ id: IDS.far, streetId: IDS.otherStreet, name: '远山村', kind: 'village', seq: 0 })
  await e.fixtures.grid({ id: IDS.g1, communityId: IDS.community, name: '第一网格', seq: 0, boundary: null, servicePhone: null })
  await e.fixtures.grid({ id: IDS.gf, communityId: IDS.far, name: '一组', seq: 0, boundary: null, servicePhone: null })
  await e.store.users.create(person(IDS.committee, '社区干部', {}))
  await e.store.users.create(person(IDS.farCommittee, '村干部', { communityId: IDS.far }))
  await e.store.users.create(person(IDS.streetStaff, '街道干部', { roles: ['street'], communityId: null }))
}

function motion(id: string, p: Partial<NewMotion> = {}): NewMotion {
  return {
    id,
    communityId: IDS.community,
    authorId: IDS.committee,
    title: `议题 ${id}`,
    preamble: null,
    articles: [{ text: '第一条' }],
    kind: 'matter',
    options: ['建', '不建'],
    eligibility: 'households',
    consultUntil: null,
    voteFrom: at(48),
    voteUntil: at(72),
    createdAt: NOW,
    major: true,
    ...p,
  }
}

function audit(targetId: string, action: string): AuditEntry {
  return { at: NOW, actorId: IDS.committee, action, targetType: 'motion', targetId, communityId: IDS.community }
}

function assessment(motionId: string, level: NewRiskAssessment['level'], p: Partial<NewRiskAssessment> = {}): NewRiskAssessment {
  return {
    motionId,
    risks: [{ category: 'feasibility', description: '施工影响出行' }],
    consultation: { summary: '召开居民代表会两次', commentIds: [], meetingIds: [], visitIds: [] },
    level,
    mitigation: '分段施工，提前公告',
    filedBy: IDS.committee,
    filedAt: NOW,
    ...p,
  }
}

const noMessages: MotionMessages = () => []
const bare = <T extends { seq: number }>({ seq: _seq, ...rest }: T) => rest

async function make(s: RisksContractStore, m: NewMotion): Promise<MotionRecord> {
  const out = await s.motions.create(m, audit(m.id, 'motion.create'), null)
  if (out.kind === 'keyReused') throw new Error('keyReused')
  return out.motion
}

async function publish(s: RisksContractStore, m: NewMotion): Promise<MotionRecord> {
  await make(s, m)
  const done = await s.motions.advance(m.id, 'draft', NOW, noMessages, null)
  if (!done) throw new Error('not published')
  return done.motion
}

async function file(s: RisksContractStore, a: NewRiskAssessment, key: IdempotencyKey | null = null) {
  return s.motionRisks.file(a, audit(a.motionId, 'motion.assessRisk'), key)
}

const sign = (motionId: string, rev: number, decision: 'approved' | 'returned') => ({ motionId, rev, decision, by: IDS.streetStaff, at: NOW, note: decision === 'returned' ? '请补充征求意见' : null })

export function motionRisksContract(engine: string, open: OpenRisksEngine, opts: { reference?: OpenRisksEngine } = {}): void {
  function scenario(title: string, run: (s: RisksContractStore) => Promise<unknown>): void {
    test(title, async () => {
      const runOn = async (openIt: OpenRisksEngine) => {
        const e = await openIt()
        try {
          await buildFixture(e)
          return await run(e.store)
        } finally {
          await e.close()
        }
      }
      const result = await runOn(open)
      if (opts.reference && result !== undefined) expect(result).toEqual(await runOn(opts.reference))
    })
  }

  describe(`稳评 port contract on ${engine}`, () => {
    scenario('a major motion is made pending, a plain one none; filing on a plain motion writes nothing', async (s) => {
      const major = await make(s, motion('mo_major'))
      const plain = await make(s, motion('mo_plain', { major: false }))
      expect([major.riskGate, plain.riskGate]).toEqual(['pending', 'none'])
      expect(await file(s, assessment('mo_plain', 'low'))).toEqual({ kind: 'notMajor' })
      expect(await file(s, assessment('mo_none', 'low'))).toEqual({ kind: 'notFound' })
      expect(await s.motionRisks.get('mo_plain')).toBeNull()
      return { major: bare(major), plain: bare(plain) }
    })

    scenario('filing: 中 clears; refiling 高 bumps rev, restarts the sign-off and holds the motion again; audit per filing', async (s) => {
      await make(s, motion('mo_a'))
      const first = await file(s, assessment('mo_a', 'medium'))
      if (first.kind !== 'filed') throw new Error(first.kind)
      expect(first.motion.riskGate).toBe('cleared')
      expect(first.assessment).toMatchObject({ rev: 1, level: 'medium', signOff: null, filedByName: '社区干部', signedBy: null })
      const second = await file(s, assessment('mo_a', 'high', { mitigation: '先试点' }))
      if (second.kind !== 'filed') throw new Error(second.kind)
      expect(second.motion.riskGate).toBe('pending')
      expect(second.assessment).toMatchObject({ rev: 2, level: 'high', signOff: 'pending', mitigation: '先试点' })
      expect(await s.motionRisks.get('mo_a')).toEqual(second.assessment)
      expect((await s.audit.list({ targetId: 'mo_a', limit: 10 })).filter((x) => x.action === 'motion.assessRisk')).toHaveLength(2)
      return { first: first.assessment, second: second.assessment }
    })

    scenario('a retried filing replays; the same key with another input is keyReused; nothing written twice', async (s) => {
      await make(s, motion('mo_k'))
      const key: IdempotencyKey = { userId: IDS.committee, action: 'motion.assessRisk', requestId: 'r1', fingerprint: 'fp1' }
      const first = await file(s, assessment('mo_k', 'low'), key)
      const again = await file(s, assessment('mo_k', 'low'), key)
      expect(again.kind).toBe('replayed')
      if (first.kind !== 'filed' || again.kind !== 'replayed') throw new Error('kinds')
      expect(again.assessment).toEqual(first.assessment)
      expect(await file(s, assessment('mo_k', 'high'), { ...key, fingerprint: 'fp2' })).toEqual({ kind: 'keyReused' })
      expect((await s.motionRisks.get('mo_k'))?.rev).toBe(1)
    })

    scenario('the gate: a held motion does not step to voting, by advance or by the schedule; cleared, it does', async (s) => {
      await publish(s, motion('mo_g'))
      await publish(s, motion('mo_free', { major: false }))
      expect(await s.motions.advance('mo_g', 'consultation', NOW, noMessages, null)).toBeNull()
      await s.motions.settle({ everywhere: true }, at(49), noMessages)
      expect((await s.motions.get('mo_g'))?.status).toBe('consultation')
      expect((await s.motions.get('mo_free'))?.status).toBe('voting')
      await file(s, assessment('mo_g', 'high'))
      await s.motions.settle({ communityId: IDS.community }, at(49), noMessages)
      expect((await s.motions.get('mo_g'))?.status).toBe('consultation')
      const signed = await s.motionRisks.signOff(sign('mo_g', 1, 'approved'), audit('mo_g', 'motion.signOffRisk'))
      expect(signed.kind).toBe('signed')
      await s.motions.settle({ motionId: 'mo_g' }, at(49), noMessages)
      expect((await s.motions.get('mo_g'))?.status).toBe('voting')
      expect(await file(s, assessment('mo_g', 'low'))).toEqual({ kind: 'notOpen' })
    })

    scenario('sign-off: only the pending 高 of that revision; approval clears, a return keeps the motion held', async (s) => {
      await publish(s, motion('mo_s'))
      await file(s, assessment('mo_s', 'high'))
      expect(await s.motionRisks.signOff(sign('mo_s', 2, 'approved'), audit('mo_s', 'motion.signOffRisk'))).toEqual({ kind: 'stale' })
      const returned = await s.motionRisks.signOff(sign('mo_s', 1, 'returned'), audit('mo_s', 'motion.signOffRisk'))
      if (returned.kind !== 'signed') throw new Error('stale')
      expect(returned.motion.riskGate).toBe('pending')
      expect(returned.assessment).toMatchObject({ signOff: 'returned', signedByName: '街道干部', signNote: '请补充征求意见' })
      expect(await s.motionRisks.signOff(sign('mo_s', 1, 'approved'), audit('mo_s', 'motion.signOffRisk'))).toEqual({ kind: 'stale' })
      await file(s, assessment('mo_s', 'high', { mitigation: '补充了征求意见' }))
      const approved = await s.motionRisks.signOff(sign('mo_s', 2, 'approved'), audit('mo_s', 'motion.signOffRisk'))
      if (approved.kind !== 'signed') throw new Error('stale')
      expect(approved.motion.riskGate).toBe('cleared')
      await make(s, motion('mo_low'))
      await file(s, assessment('mo_low', 'low'))
      expect(await s.motionRisks.signOff(sign('mo_low', 1, 'approved'), audit('mo_low', 'motion.signOffRisk'))).toEqual({ kind: 'stale' })
      return { returned: returned.assessment, approved: approved.assessment }
    })

    scenario('revise: a published major motion cannot be unmarked; a draft can, and marking it again finds its clearing filing', async (s) => {
      const patch = (m: MotionRecord, major: boolean) => ({ title: m.title, preamble: m.preamble, articles: m.articles, kind: m.kind, options: m.options, eligibility: m.eligibility, consultUntil: m.consultUntil, voteFrom: m.voteFrom, voteUntil: m.voteUntil, major })
      const d = await make(s, motion('mo_d'))
      await file(s, assessment('mo_d', 'medium'))
      const off = await s.motions.revise('mo_d', patch(d, false), IDS.committee, NOW, audit('mo_d', 'motion.update'))
      expect(off?.kind === 'revised' && off.motion.riskGate).toBe('none')
      const on = await s.motions.revise('mo_d', patch(d, true), IDS.committee, NOW, audit('mo_d', 'motion.update'))
      expect(on?.kind === 'revised' && on.motion.riskGate).toBe('cleared')
      const same = await s.motions.revise('mo_d', patch(d, true), IDS.committee, NOW, audit('mo_d', 'motion.update'))
      expect(same?.kind).toBe('unchanged')
      const p = await publish(s, motion('mo_p'))
      expect(await s.motions.revise('mo_p', patch(p, false), IDS.committee, NOW, audit('mo_p', 'motion.update'))).toEqual({ kind: 'majorLocked' })
      expect((await s.motions.get('mo_p'))?.riskGate).toBe('pending')
      const plain = await publish(s, motion('mo_q', { major: false }))
      const marked = await s.motions.revise('mo_q', patch(plain, true), IDS.committee, NOW, audit('mo_q', 'motion.update'))
      expect(marked?.kind === 'revised' && marked.motion.riskGate).toBe('pending')
    })

    scenario("the street's queue: pending 高 in consultation of its communities, oldest first, paged; not drafts, not approved", async (s) => {
      for (const id of ['mo_1', 'mo_2', 'mo_3']) {
        await publish(s, motion(id))
        await file(s, assessment(id, 'high'))
      }
      await make(s, motion('mo_draft'))
      await file(s, assessment('mo_draft', 'high'))
      await publish(s, motion('mo_far', { communityId: IDS.far, authorId: IDS.farCommittee }))
      await file(s, assessment('mo_far', 'high'))
      await s.motionRisks.signOff(sign('mo_2', 1, 'approved'), audit('mo_2', 'motion.signOffRisk'))
      const page1 = await s.motionRisks.awaiting(IDS.street, { limit: 1, after: null })
      const page2 = await s.motionRisks.awaiting(IDS.street, { limit: 5, after: page1[0]!.seq })
      expect([...page1, ...page2].map((r) => r.motionId)).toEqual(['mo_1', 'mo_3'])
      expect(page1[0]).toMatchObject({ title: '议题 mo_1', communityName: '锦江社区', level: 'high', rev: 1, filedAt: NOW })
      expect((await s.motionRisks.awaiting(IDS.otherStreet, { limit: 5, after: null })).map((r) => r.motionId)).toEqual(['mo_far'])
      return [...page1, ...page2].map(({ seq: _seq, ...r }) => r)
    })

    scenario('a sign-off racing a refiling: the sign-off lands on the revision it named or not at all', async (s) => {
      await publish(s, motion('mo_r'))
      await file(s, assessment('mo_r', 'high'))
      const [signed, refiled] = await Promise.all([
        s.motionRisks.signOff(sign('mo_r', 1, 'approved'), audit('mo_r', 'motion.signOffRisk')),
        file(s, assessment('mo_r', 'high', { mitigation: '改了方案' })),
      ])
      expect(refiled.kind).toBe('filed')
      const a = await s.motionRisks.get('mo_r')
      const m = await s.motions.get('mo_r')
      // whichever went first, the last filing (rev 2) waits for the street and holds the motion
      expect(a).toMatchObject({ rev: 2, signOff: 'pending', mitigation: '改了方案' })
      expect(m?.riskGate).toBe('pending')
      expect(['signed', 'stale']).toContain(signed.kind)
    })
  })
}
