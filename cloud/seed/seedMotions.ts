import { randomInt } from 'node:crypto'
import { choiceKey, type Choice, type MotionStatus } from '@/domain/motions'
import { motionMessages, newReceipt, receiptHash } from '../motions'
import type { MotionRepo, NewMotion } from '../motions'
import type { AuditEntry } from '../shared/ports'
import type { SeedEngine } from './ports'
import { DEMO_ARTICLE5_PROPOSED, DEMO_ARTICLE5_REVISED, DEMO_CHARGING_BALLOTS, DEMO_MOTIONS, DEMO_RULES_ARTICLES } from './demoMotions'

const HOUR = 3600_000
const DAY = 24 * HOUR
const COMMUNITY = 'c_jinjiang'
const COMMITTEE = 'u_committee_jj'

/**
 * The demo motions of 锦江社区, written through the motion store's own methods (the same rows, revisions,
 * messages, frozen base, secret-ballot layout and close the API produces), at times relative to `now`:
 *   - 锦江社区居民公约, closed about two months ago with its result, adopted as rules version 1, filed;
 *   - a rules motion in 征求意见 with a revision of 第五条, a resident's comment on it and the committee's reply;
 *   - a matter motion in 表决中 until about 3 days on, with a few ballots of 第二、第三网格's households;
 *   - a major matter motion (加装电梯) in 征求意见, its 稳评 filed as 高 and waiting for the street's sign-off.
 * The store methods are transactions of their own, so this runs after the
 * seed's transaction, not inside it. Every receipt is random and thrown away: no demo ballot can be verified.
 * Who chose what is not in this file either: the voters and the choices are listed apart and paired at random,
 * so the tallies are fixed and the link exists nowhere.
 */
export async function seedMotions(engine: SeedEngine, now: Date): Promise<void> {
  const repo = engine.motions
  const base = Math.floor(now.getTime() / HOUR) * HOUR
  const day = (d: number) => new Date(base + d * DAY).toISOString()
  let n = 0
  const ids = { newId: () => `m_demo_mo_${String(++n).padStart(3, '0')}` }
  const audit = (at: string, action: string, targetId: string, targetType = 'motion'): AuditEntry => ({
    at,
    actorId: COMMITTEE,
    action,
    targetType,
    targetId,
    communityId: COMMUNITY,
  })
  const households = await engine.householdsOf(COMMUNITY)

  // 1. 锦江社区居民公约: drafted, 征求意见, voted by 24 of the 30 households (8 at the residents' meeting), closed by the schedule
  const rules = DEMO_MOTIONS.rules
  const articles = DEMO_RULES_ARTICLES.map((text) => ({ text }))
  await publish(repo, ids, audit, {
    ...motion(rules.id, rules.title, rules.preamble, articles, 'rules', null, 'households'),
    consultUntil: day(rules.consultUntilDays),
    voteFrom: day(rules.voteFromDays),
    voteUntil: day(rules.voteUntilDays),
    createdAt: day(rules.createdDays),
  })
  await settleAt(repo, ids, rules.id, day(rules.voteFromDays), 'voting')
  const voters = households.filter((_, i) => i % 5 !== 4).map((h, i) => ({ key: h, channel: i % 3 === 2 ? ('offline' as const) : ('online' as const) }))
  const choices: Choice[] = [...Array<Choice>(19).fill('yes'), ...Array<Choice>(3).fill('no'), ...Array<Choice>(2).fill('abstain')]
  await castAll(repo, rules.id, voters, choices, (i) => new Date(Date.parse(day(rules.voteFromDays)) + (i + 1) * 2 * HOUR).toISOString())
  await settleAt(repo, ids, rules.id, day(rules.voteUntilDays), 'closed')
  const filedAt = day(rules.filedDays)
  if (!(await repo.markFiled(COMMUNITY, 1, filedAt, audit(filedAt, 'rules.markFiled', `${COMMUNITY}:1`, 'rules')))) {
    throw new Error('seed motions: rules version 1 was not adopted')
  }

  // 2. the revision of 第五条 in 征求意见: a resident's comment on it, the committee's reply, the revised text
  const a5 = DEMO_MOTIONS.article5
  const proposed = articles.map((a, i) => (i === 4 ? { text: DEMO_ARTICLE5_PROPOSED } : a))
  const draft = {
    ...motion(a5.id, a5.title, a5.preamble, proposed, 'rules', null, 'households'),
    consultUntil: day(a5.consultUntilDays),
    voteFrom: day(a5.voteFromDays),
    voteUntil: day(a5.voteUntilDays),
    createdAt: day(a5.createdDays),
  }
  await publish(repo, ids, audit, draft)
  const c = a5.comment
  const commented = await repo.addComment({ id: c.id, motionId: a5.id, authorId: c.authorId, articleIndex: c.articleIndex, text: c.text, at: day(c.days) })
  const replyAt = day(c.replyDays)
  const replied = await repo.reply(c.id, c.reply, COMMITTEE, replyAt, audit(replyAt, 'motion.reply', c.id, 'motionComment'))
  const revisedAt = new Date(Date.parse(day(a5.revisedDays)) + HOUR).toISOString()
  const { title, preamble, kind, options, eligibility, consultUntil, voteFrom, voteUntil } = draft
  const revised = await repo.revise(
    a5.id,
    {
      ...{ title, preamble, kind, options, eligibility, consultUntil, voteFrom, voteUntil },
      articles: proposed.map((a, i) => (i === 4 ? { text: DEMO_ARTICLE5_REVISED } : a)),
    },
    COMMITTEE,
    revisedAt,
    audit(revisedAt, 'motion.update', a5.id),
  )
  if (!commented || !replied || !revised) throw new Error('seed motions: the consultation was not written')

  // 3. the charging shed's site, in 表决中: a few households of 第二、第三网格 have voted
  const ch = DEMO_MOTIONS.charging
  await publish(repo, ids, audit, {
    ...motion(ch.id, ch.title, ch.preamble, ch.articles.map((text) => ({ text })), 'matter', [...ch.options], 'households'),
    consultUntil: day(ch.consultUntilDays),
    voteFrom: day(ch.voteFromDays),
    voteUntil: day(ch.voteUntilDays),
    createdAt: day(ch.createdDays),
  })
  await settleAt(repo, ids, ch.id, day(ch.voteFromDays), 'voting')
  await castAll(
    repo,
    ch.id,
    DEMO_CHARGING_BALLOTS.map((b) => ({ key: b.household, channel: b.channel })),
    DEMO_CHARGING_BALLOTS.map((b) => b.choice),
    (i) => new Date(base - DEMO_CHARGING_BALLOTS[i]!.hoursAgo * HOUR).toISOString(),
  )

  // 4. 重大事项: 加装电梯, held in 征求意见 until 振兴街道 signs off its 高 稳评
  const el = DEMO_MOTIONS.elevator
  await publish(repo, ids, audit, {
    ...motion(el.id, el.title, el.preamble, el.articles.map((text) => ({ text })), 'matter', [...el.options], 'households'),
    consultUntil: null,
    voteFrom: day(el.voteFromDays),
    voteUntil: day(el.voteUntilDays),
    createdAt: day(el.createdDays),
    major: true,
  })
  const assessedAt = day(el.assessedDays)
  const filed = await engine.motionRisks.file(
    {
      motionId: el.id,
      risks: el.risk.risks.map((r) => ({ ...r })),
      consultation: { summary: el.risk.summary, commentIds: [], meetingIds: [], visitIds: [] },
      level: el.risk.level,
      mitigation: el.risk.mitigation,
      filedBy: COMMITTEE,
      filedAt: assessedAt,
    },
    { ...audit(assessedAt, 'motion.assessRisk', el.id), detail: { level: el.risk.level } },
    null,
  )
  if (filed.kind !== 'filed') throw new Error(`seed motion ${el.id}: 稳评 ${filed.kind}`)
}

type Ids = { newId: () => string }
type Audit = (at: string, action: string, targetId: string) => AuditEntry

function motion(id: string, title: string, preamble: string, articles: { text: string }[], kind: NewMotion['kind'], options: string[] | null, eligibility: NewMotion['eligibility']) {
  return { id, communityId: COMMUNITY, authorId: COMMITTEE, title, preamble, articles, kind, options, eligibility }
}

/** motion.create then the committee's motion.advance to 征求意见, both at the motion's creation time. */
async function publish(repo: MotionRepo, ids: Ids, audit: Audit, m: NewMotion): Promise<void> {
  const created = await repo.create(m, audit(m.createdAt, 'motion.create', m.id), null)
  if (created.kind !== 'created') throw new Error(`seed motion ${m.id}: ${created.kind}`)
  const advanced = await repo.advance(m.id, 'draft', m.createdAt, motionMessages({ ids }, m.createdAt), {
    ...audit(m.createdAt, 'motion.advance', m.id),
    detail: { from: 'draft', to: 'consultation' },
  })
  if (advanced?.motion.status !== 'consultation') throw new Error(`seed motion ${m.id}: not published`)
}

/** The time rule at `at` (what the server's settle does when the schedule comes due). */
async function settleAt(repo: MotionRepo, ids: Ids, id: string, at: string, expect: MotionStatus): Promise<void> {
  await repo.settle({ motionId: id }, at, motionMessages({ ids }, at))
  const m = await repo.get(id)
  if (m?.status !== expect) throw new Error(`seed motion ${id}: ${m?.status ?? 'missing'}, expected ${expect}`)
}

/**
 * One store cast per voter (voter row and ballot row in one transaction), the choices dealt to the voters in a
 * random order; the receipts are made as the server makes them and dropped.
 */
async function castAll(
  repo: MotionRepo,
  id: string,
  voters: { key: string; channel: 'online' | 'offline' }[],
  choices: Choice[],
  at: (i: number) => string,
): Promise<void> {
  if (voters.length !== choices.length) throw new Error(`seed motion ${id}: ${voters.length} voters, ${choices.length} choices`)
  const dealt = [...choices]
  for (let i = dealt.length - 1; i > 0; i--) {
    const j = randomInt(i + 1)
    ;[dealt[i], dealt[j]] = [dealt[j]!, dealt[i]!]
  }
  for (const [i, v] of voters.entries()) {
    const ballot = {
      voterKey: v.key,
      // the demo motions are households motions: the voter key is the household
      householdId: v.key,
      channel: v.channel,
      recordedBy: v.channel === 'offline' ? COMMITTEE : null,
      receiptHash: receiptHash(newReceipt()),
      choice: choiceKey(dealt[i]!),
    }
    const out = await repo.cast(id, ballot, at(i))
    if (out.kind !== 'done') throw new Error(`seed motion ${id}: cast ${out.kind}`)
  }
}
