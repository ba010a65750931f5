// Builders for the 议事表决 client tests (shapes from src/domain/motion.ts, values made up per test).
import type { MotionSummary, MotionView } from '@/domain/motions'

const HOUR = 3600_000

export function makeMotionSummary(id: string, over: Partial<MotionSummary> = {}): MotionSummary {
  const now = Date.now()
  return {
    id,
    title: `议题 ${id}`,
    kind: 'rules',
    eligibility: 'adults',
    status: 'voting',
    consultUntil: null,
    voteFrom: new Date(now - HOUR).toISOString(),
    voteUntil: new Date(now + 50 * HOUR).toISOString(),
    openedAt: new Date(now - HOUR).toISOString(),
    closedAt: null,
    turnout: { eligible: 40, cast: 10 },
    me: { eligible: true, voted: false },
    major: false,
    createdAt: new Date(now - 72 * HOUR).toISOString(),
    ...over,
  }
}

export function makeMotion(id: string, over: Partial<MotionView> = {}): MotionView {
  const base = makeMotionSummary(id)
  return {
    ...base,
    preamble: '为维护小区环境，经居民代表提议，制定本公约。',
    articles: [{ text: '爱护公共设施，不乱贴乱画。' }, { text: '垃圾分类投放，不高空抛物。' }, { text: '文明养犬，出门牵绳。' }],
    options: null,
    revisions: [
      { rev: 1, title: base.title, preamble: '为维护小区环境，经居民代表提议，制定本公约。', articles: [{ text: '爱护公共设施，不乱贴乱画。' }, { text: '垃圾分类投放，不高空抛物。' }, { text: '文明养犬，出门牵绳。' }], byId: 'u-c', byName: '陈秀兰', at: base.createdAt },
    ],
    comments: [],
    result: null,
    risk: { major: false, assessment: null, block: null, full: null },
    can: { revise: false, advance: false, comment: false, cast: true, recordOffline: false, reply: false, assessRisk: false, signOffRisk: false },
    ...over,
  }
}
