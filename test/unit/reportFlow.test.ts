import type { ReportAction, ReportLevel, ReportStatus } from '@/domain/reports'
import { REPORT_ACTIONS, REPORT_STATUSES } from '@/domain/reports'
import {
  availableActions,
  canDispatch,
  canEdit,
  canMediate,
  canRate,
  canSupport,
  decide,
  relationsOf,
  STATUS_LABELS,
  type Caller,
  type Decision,
  type ReportFacts,
  type ReportParties,
  type ReportRelation,
} from '@/domain/reports/flow'
import type { Role } from '@/domain/shared/roles'

/**
 * The expected flow, written from issue 4 and DESIGN §2 (not read from REPORT_FLOW), so that a change to the
 * machine shows up here as a failure.
 */
const EXPECTED: Record<ReportAction, { from: ReportStatus[]; by: ReportRelation[]; to: ReportStatus | 'same' }> = {
  // issue 17: a department a report is dispatched to (交办) accepts, notes and resolves it like its handler
  accept: { from: ['submitted'], by: ['handler', 'department'], to: 'accepted' },
  note: { from: ['accepted'], by: ['handler', 'department'], to: 'same' },
  resolve: { from: ['accepted'], by: ['handler', 'department'], to: 'resolved' },
  reject: { from: ['submitted', 'accepted'], by: ['handler'], to: 'rejected' },
  return: { from: ['submitted', 'accepted'], by: ['handler'], to: 'returned' },
  escalate: { from: ['submitted', 'accepted'], by: ['handler'], to: 'submitted' },
  supervise: { from: ['submitted', 'accepted'], by: ['supervisor'], to: 'same' },
  reassign: { from: ['submitted', 'returned', 'accepted'], by: ['committee'], to: 'same' },
  reopen: { from: ['resolved'], by: ['reporter'], to: 'accepted' },
  withdraw: { from: ['submitted', 'returned'], by: ['reporter'], to: 'withdrawn' },
  // 退回交办: back to the level that dispatched it, which handles it again
  sendBack: { from: ['submitted'], by: ['department'], to: 'accepted' },
}

const RELATIONS: ReportRelation[] = ['reporter', 'handler', 'supervisor', 'committee', 'member', 'department']
/** all 64 subsets of the relations */
const RELATION_SETS: Set<ReportRelation>[] = Array.from(
  { length: 1 << RELATIONS.length },
  (_, mask) => new Set(RELATIONS.filter((_r, i) => mask & (1 << i))),
)

const NOW = new Date('2026-11-25T06:00:00.000Z')
const HOUR = 3600_000
const DAY = 24 * HOUR

function facts(status: ReportStatus, over: Partial<ReportFacts> = {}): ReportFacts {
  return {
    status,
    level: 'community',
    category: 'environment',
    visibility: 'public',
    overdue: true,
    resolvedAt: new Date(NOW.getTime() - DAY).toISOString(),
    topLevel: 'city',
    ...over,
  }
}

function expectedDecision(action: ReportAction, status: ReportStatus, rel: Set<ReportRelation>, level: ReportLevel) {
  const rule = EXPECTED[action]
  if (!rule.by.some((r) => rel.has(r))) return { ok: false, code: 'FORBIDDEN' }
  if (!rule.from.includes(status)) return { ok: false, code: 'CONFLICT' }
  const nextLevel = action === 'escalate' ? ({ grid: 'community', community: 'street' } as const)[level as 'grid'] : action === 'reassign' ? 'grid' : level
  return { ok: true, status: rule.to === 'same' ? status : rule.to, level: nextLevel }
}

function shape(d: Decision) {
  return d.ok ? { ok: true, status: d.status, level: d.level } : { ok: false, code: d.code }
}

describe('decide: every status × action × relation set', () => {
  const cases = REPORT_ACTIONS.flatMap((action) => REPORT_STATUSES.map((status) => [action, status] as const))

  test('the table covers the 11 actions and 7 statuses', () => {
    expect(cases).toHaveLength(77)
    expect(Object.keys(EXPECTED).sort()).toEqual([...REPORT_ACTIONS].sort())
  })

  test.each(cases)('%s from %s', (action, status) => {
    // level community: escalate goes on to street, reassign brings it back to grid (both visible)
    for (const rel of RELATION_SETS) {
      const got = shape(decide(action, facts(status), rel, NOW))
      const want = expectedDecision(action, status, rel, 'community')
      expect({ rel: [...rel], ...got }).toEqual({ rel: [...rel], ...want })
      if (!got.ok) {
        const d = decide(action, facts(status), rel, NOW) as Extract<Decision, { ok: false }>
        expect(d.message).toMatch(/[\u4e00-\u9fff]/)
      }
    }
  })

  test('FORBIDDEN is decided before CONFLICT: a stranger asking in a wrong state is refused for who they are', () => {
    const d = decide('accept', facts('closed'), new Set(['member']), NOW)
    expect(d).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有负责这个问题的工作人员可以受理' })
    expect(decide('accept', facts('closed'), new Set(['handler']), NOW)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '问题当前已关闭，不能受理',
    })
  })
})

describe('decide: edge cases', () => {
  const handler = new Set<ReportRelation>(['handler'])

  test('escalate climbs grid → community → street → district → city, and no further', () => {
    expect(decide('escalate', facts('accepted', { level: 'grid' }), handler, NOW)).toEqual({ ok: true, status: 'submitted', level: 'community' })
    expect(decide('escalate', facts('submitted', { level: 'community' }), handler, NOW)).toEqual({ ok: true, status: 'submitted', level: 'street' })
    expect(decide('escalate', facts('accepted', { level: 'street' }), handler, NOW)).toEqual({ ok: true, status: 'submitted', level: 'district' })
    expect(decide('escalate', facts('accepted', { level: 'district' }), handler, NOW)).toEqual({ ok: true, status: 'submitted', level: 'city' })
    expect(decide('escalate', facts('accepted', { level: 'city' }), handler, NOW)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已上报到市，没有更高一级可以上报',
    })
  })

  test('escalate stops where the street is placed: under no district, the street is the top', () => {
    expect(decide('escalate', facts('accepted', { level: 'street', topLevel: 'street' }), handler, NOW)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已上报到街道，没有更高一级可以上报',
    })
    expect(decide('escalate', facts('accepted', { level: 'community', topLevel: 'street' }), handler, NOW)).toMatchObject({ ok: true, level: 'street' })
  })

  test('supervise needs an overdue report', () => {
    const sup = new Set<ReportRelation>(['supervisor'])
    expect(decide('supervise', facts('accepted', { overdue: false }), sup, NOW)).toEqual({ ok: false, code: 'CONFLICT', message: '未逾期，无需督办' })
    expect(decide('supervise', facts('accepted', { overdue: true }), sup, NOW)).toEqual({ ok: true, status: 'accepted', level: 'community' })
    // not overdue, and not a supervisor: still FORBIDDEN first
    expect(decide('supervise', facts('accepted', { overdue: false }), handler, NOW)).toMatchObject({ code: 'FORBIDDEN' })
  })

  test('reopen within 7 days of 办结, to the millisecond', () => {
    const reporter = new Set<ReportRelation>(['reporter'])
    const at = (ms: number) => facts('resolved', { resolvedAt: new Date(NOW.getTime() - ms).toISOString() })
    expect(decide('reopen', at(7 * DAY - 1), reporter, NOW)).toEqual({ ok: true, status: 'accepted', level: 'community' })
    expect(decide('reopen', at(7 * DAY), reporter, NOW)).toEqual({ ok: true, status: 'accepted', level: 'community' })
    expect(decide('reopen', at(7 * DAY + 1), reporter, NOW)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '办结已超过 7 天，不能重新打开，请重新上报',
    })
    expect(decide('reopen', facts('resolved', { resolvedAt: null }), reporter, NOW)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  test('reassign puts the report back at grid level, status kept; not once it reached the street', () => {
    const committee = new Set<ReportRelation>(['committee'])
    for (const level of ['grid', 'community'] as const) {
      expect(decide('reassign', facts('returned', { level }), committee, NOW)).toEqual({ ok: true, status: 'returned', level: 'grid' })
    }
    expect(decide('reassign', facts('accepted', { level: 'street' }), committee, NOW)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已上报到街道，由街道处理，社区不能改派',
    })
    expect(decide('reassign', facts('accepted', { level: 'city' }), committee, NOW)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '已上报到市，由市处理，社区不能改派',
    })
  })
})

// ---------- relationsOf: role × own/other community/grid/street × level ----------

const REPORT: Omit<ReportParties, 'level'> = { reporterId: 'u-rep', communityId: 'c1', streetId: 's1', districtId: 'd1', cityId: 'ct1', gridId: 'g1' }

/** s1 lies in d1 of ct1, s2 in d1, s3 in d2 of ct1; sx in dx of ctx */
const PLACES: Record<string, { districtId: string | null; cityId: string | null }> = {
  s1: { districtId: 'd1', cityId: 'ct1' },
  s2: { districtId: 'd1', cityId: 'ct1' },
  s3: { districtId: 'd2', cityId: 'ct1' },
  sx: { districtId: 'dx', cityId: 'ctx' },
}

function caller(id: string, roles: Role[], communityId: string | null, streetId: string | null, gridIds: string[] = []): Caller {
  const place = streetId ? PLACES[streetId]! : { districtId: null, cityId: null }
  return { id, roles, communityId, streetId, ...place, gridIds }
}

const PERSONAS = {
  reporter: caller('u-rep', ['resident'], 'c1', 's1'),
  neighbour: caller('u-nb', ['resident'], 'c1', 's1'),
  outsider: caller('u-out', ['resident'], 'c2', 's1'),
  gridOwn: caller('u-g1', ['gridWorker'], 'c1', 's1', ['g1']),
  gridOther: caller('u-g2', ['gridWorker'], 'c1', 's1', ['g2']),
  // a grid id that matches, but in another community: no relation through it
  gridOtherCommunity: caller('u-gx', ['gridWorker'], 'c2', 's1', ['g1']),
  gridReporter: caller('u-rep', ['gridWorker'], 'c1', 's1', ['g1']),
  committeeOwn: caller('u-c1', ['committee'], 'c1', 's1'),
  committeeOther: caller('u-c2', ['committee'], 'c2', 's1'),
  streetOwn: caller('u-s1', ['street'], null, 's1'),
  streetOther: caller('u-s2', ['street'], null, 's2'),
  districtOwn: caller('u-d1', ['district'], null, 's2'),
  districtOther: caller('u-d2', ['district'], null, 's3'),
  cityOwn: caller('u-ct1', ['city'], null, 's3'),
  cityOther: caller('u-ctx', ['city'], null, 'sx'),
  // a volunteer is a resident too; a 网格员 of another grid who lives here is a resident of this report,
  // but a 网格员 of its own grid or the committee never is (staff of the report), whatever other roles they hold
  volunteer: caller('u-v', ['volunteer'], 'c1', 's1'),
  gridOtherResident: caller('u-g3', ['resident', 'gridWorker'], 'c1', 's1', ['g2']),
  gridOwnResident: caller('u-g4', ['resident', 'gridWorker'], 'c1', 's1', ['g1']),
  committeeResident: caller('u-c3', ['resident', 'committee'], 'c1', 's1'),
} satisfies Record<string, Caller>
type Persona = keyof typeof PERSONAS

const EXPECTED_RELATIONS: Record<ReportLevel, Record<Persona, ReportRelation[]>> = {
  grid: {
    reporter: ['reporter', 'member', 'resident'],
    neighbour: ['member', 'resident'],
    outsider: [],
    gridOwn: ['member', 'handler'],
    gridOther: ['member'],
    gridOtherCommunity: [],
    gridReporter: ['reporter', 'member', 'handler'],
    committeeOwn: ['member', 'committee', 'supervisor'],
    committeeOther: [],
    streetOwn: ['supervisor'],
    streetOther: [],
    districtOwn: ['supervisor'],
    districtOther: [],
    cityOwn: ['supervisor'],
    cityOther: [],
    volunteer: ['member', 'resident'],
    gridOtherResident: ['member', 'resident'],
    gridOwnResident: ['member', 'handler'],
    committeeResident: ['member', 'committee', 'supervisor'],
  },
  community: {
    reporter: ['reporter', 'member', 'resident'],
    neighbour: ['member', 'resident'],
    outsider: [],
    gridOwn: ['member'],
    gridOther: ['member'],
    gridOtherCommunity: [],
    gridReporter: ['reporter', 'member'],
    committeeOwn: ['member', 'committee', 'handler'],
    committeeOther: [],
    streetOwn: ['supervisor'],
    streetOther: [],
    districtOwn: ['supervisor'],
    districtOther: [],
    cityOwn: ['supervisor'],
    cityOther: [],
    volunteer: ['member', 'resident'],
    gridOtherResident: ['member', 'resident'],
    gridOwnResident: ['member'],
    committeeResident: ['member', 'committee', 'handler'],
  },
  street: {
    reporter: ['reporter', 'member', 'resident'],
    neighbour: ['member', 'resident'],
    outsider: [],
    gridOwn: ['member'],
    gridOther: ['member'],
    gridOtherCommunity: [],
    gridReporter: ['reporter', 'member'],
    committeeOwn: ['member', 'committee'],
    committeeOther: [],
    streetOwn: ['handler'],
    streetOther: [],
    districtOwn: ['supervisor'],
    districtOther: [],
    cityOwn: ['supervisor'],
    cityOther: [],
    volunteer: ['member', 'resident'],
    gridOtherResident: ['member', 'resident'],
    gridOwnResident: ['member'],
    committeeResident: ['member', 'committee'],
  },
  district: {
    reporter: ['reporter', 'member', 'resident'],
    neighbour: ['member', 'resident'],
    outsider: [],
    gridOwn: ['member'],
    gridOther: ['member'],
    gridOtherCommunity: [],
    gridReporter: ['reporter', 'member'],
    committeeOwn: ['member', 'committee'],
    committeeOther: [],
    streetOwn: [],
    streetOther: [],
    districtOwn: ['handler'],
    districtOther: [],
    cityOwn: ['supervisor'],
    cityOther: [],
    volunteer: ['member', 'resident'],
    gridOtherResident: ['member', 'resident'],
    gridOwnResident: ['member'],
    committeeResident: ['member', 'committee'],
  },
  city: {
    reporter: ['reporter', 'member', 'resident'],
    neighbour: ['member', 'resident'],
    outsider: [],
    gridOwn: ['member'],
    gridOther: ['member'],
    gridOtherCommunity: [],
    gridReporter: ['reporter', 'member'],
    committeeOwn: ['member', 'committee'],
    committeeOther: [],
    streetOwn: [],
    streetOther: [],
    districtOwn: [],
    districtOther: [],
    cityOwn: ['handler'],
    cityOther: [],
    volunteer: ['member', 'resident'],
    gridOtherResident: ['member', 'resident'],
    gridOwnResident: ['member'],
    committeeResident: ['member', 'committee'],
  },
}

const LEVELS: ReportLevel[] = ['grid', 'community', 'street', 'district', 'city']
const personaCases = LEVELS.flatMap((level) => (Object.keys(PERSONAS) as Persona[]).map((p) => [level, p] as const))

describe('relationsOf', () => {
  test.each(personaCases)('level %s, %s', (level, persona) => {
    const rel = relationsOf({ ...REPORT, level }, PERSONAS[persona])
    expect([...rel].sort()).toEqual([...EXPECTED_RELATIONS[level][persona]].sort())
  })
})

/** Who may take each action, by persona and level (the role matrix of the acceptance list). */
function mayAct(action: ReportAction, who: Persona, level: ReportLevel): boolean {
  // a resident role beside a staff role changes nothing the staff role may do
  const persona: Persona = who === 'gridOwnResident' ? 'gridOwn' : who === 'committeeResident' ? 'committeeOwn' : who
  const handlerOf: Record<ReportLevel, Persona[]> = {
    grid: ['gridOwn', 'gridReporter'],
    community: ['committeeOwn'],
    street: ['streetOwn'],
    district: ['districtOwn'],
    city: ['cityOwn'],
  }
  const supervisorsOf: Record<ReportLevel, Persona[]> = {
    grid: ['committeeOwn', 'streetOwn', 'districtOwn', 'cityOwn'],
    community: ['streetOwn', 'districtOwn', 'cityOwn'],
    street: ['districtOwn', 'cityOwn'],
    district: ['cityOwn'],
    city: [],
  }
  if (action === 'supervise') return supervisorsOf[level].includes(persona)
  // 退回交办 is the department's only, and these reports are dispatched to none
  if (action === 'sendBack') return false
  if (action === 'reassign') return persona === 'committeeOwn'
  if (action === 'reopen' || action === 'withdraw') return persona === 'reporter' || persona === 'gridReporter'
  return handlerOf[level].includes(persona)
}

describe('decide through relationsOf: every status × action × persona × level', () => {
  const cases = LEVELS.flatMap((level) => REPORT_ACTIONS.map((action) => [level, action] as const))
  test.each(cases)('level %s, %s', (level, action) => {
    for (const status of REPORT_STATUSES) {
      for (const persona of Object.keys(PERSONAS) as Persona[]) {
        const rel = relationsOf({ ...REPORT, level }, PERSONAS[persona])
        const d = decide(action, facts(status, { level }), rel, NOW)
        let want: string
        if (!mayAct(action, persona, level)) want = 'FORBIDDEN'
        else if (!EXPECTED[action].from.includes(status) || (action === 'escalate' && level === 'city') || (action === 'reassign' && !['grid', 'community'].includes(level))) want = 'CONFLICT'
        else want = 'ok'
        expect({ status, persona, got: d.ok ? 'ok' : d.code }).toEqual({ status, persona, got: want })
      }
    }
  })
})

// ---------- 交办 (issue 17): a report dispatched to a functional department ----------

describe('a dispatched report', () => {
  const dispatched = { ...REPORT, level: 'community' as const, dispatchedTo: 'dep-1' }
  const member = { ...caller('u-dep', ['department'], null, null), departmentId: 'dep-1' }
  const otherMember = { ...caller('u-dep2', ['department'], null, null), departmentId: 'dep-2' }

  test('its department holds the relation `department`, the committee that handled it supervises instead', () => {
    expect([...relationsOf(dispatched, member)]).toEqual(['department'])
    expect([...relationsOf(dispatched, otherMember)]).toEqual([])
    expect([...relationsOf(dispatched, PERSONAS.committeeOwn)].sort()).toEqual(['committee', 'member', 'supervisor'])
    // not dispatched: a department member is nobody to it
    expect([...relationsOf({ ...REPORT, level: 'community' }, member)]).toEqual([])
    // the role without the department: nothing
    expect([...relationsOf(dispatched, { ...member, departmentId: null })]).toEqual([])
    // a grid-level report dispatched (seen from the flow alone): its 网格员 no longer handles it, nor supervises
    expect([...relationsOf({ ...dispatched, level: 'grid' }, PERSONAS.gridOwn)]).toEqual(['member'])
    // a department member who lives in the community is not a neighbour of a report dispatched to them (no 我也遇到)
    const living = { ...caller('u-dep3', ['resident', 'department'], 'c1', 's1'), departmentId: 'dep-1' }
    expect([...relationsOf(dispatched, living)].sort()).toEqual(['department', 'member'])
  })

  test('the department accepts or sends back, then notes and resolves; the committee can no longer reassign it', () => {
    const rel = relationsOf(dispatched, member)
    const f = (status: ReportStatus) => facts(status, { dispatched: true })
    expect(availableActions(f('submitted'), rel, NOW)).toEqual(['accept', 'sendBack'])
    expect(availableActions(f('accepted'), rel, NOW)).toEqual(['note', 'resolve'])
    expect(decide('sendBack', f('submitted'), rel, NOW)).toEqual({ ok: true, status: 'accepted', level: 'community' })
    expect(decide('sendBack', f('accepted'), rel, NOW)).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(decide('reassign', f('accepted'), new Set(['committee']), NOW)).toMatchObject({ ok: false, code: 'CONFLICT', message: '问题已交办给职能部门，不能改派' })
    expect(decide('accept', f('submitted'), relationsOf(dispatched, PERSONAS.committeeOwn), NOW)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('canDispatch: community and above over the report at or above its level; open and not dispatched already', () => {
    const at = (level: ReportLevel) => ({ ...REPORT, level })
    const ok = (level: ReportLevel, who: Persona, status: ReportStatus = 'accepted') => canDispatch(facts(status, { level }), at(level), PERSONAS[who])
    expect(ok('community', 'committeeOwn')).toMatchObject({ ok: true, status: 'submitted', level: 'community' })
    // the report moves to the dispatcher's level: a grid's report dispatched by its committee is the community's
    expect(ok('grid', 'committeeOwn')).toMatchObject({ ok: true, level: 'community' })
    expect(ok('community', 'streetOwn')).toMatchObject({ ok: true, level: 'street' })
    expect(ok('street', 'districtOwn')).toMatchObject({ ok: true, level: 'district' })
    expect(ok('street', 'committeeOwn')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    for (const who of ['gridOwn', 'reporter', 'neighbour', 'committeeOther', 'streetOther', 'cityOther'] as const) {
      expect(ok('grid', who)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有社区、街道、区或市的工作人员可以交办' })
    }
    for (const status of ['returned', 'resolved', 'closed', 'rejected', 'withdrawn'] as const) {
      expect(ok('community', 'committeeOwn', status)).toMatchObject({ ok: false, code: 'CONFLICT' })
    }
    expect(canDispatch(facts('accepted', { dispatched: true }), dispatched, PERSONAS.committeeOwn)).toMatchObject({
      ok: false,
      code: 'CONFLICT',
      message: '问题已交办给职能部门，不能重复交办',
    })
  })
})

// ---------- the extras ----------

describe('canEdit', () => {
  const reporter = new Set<ReportRelation>(['reporter', 'member'])
  test.each(REPORT_STATUSES)('%s: anonymising is always allowed, other edits only before 受理', (status) => {
    expect(canEdit(facts(status), reporter, true)).toEqual({ ok: true, status, level: 'community' })
    const full = canEdit(facts(status), reporter, false)
    if (status === 'submitted') expect(full).toEqual({ ok: true, status: 'submitted', level: 'community' })
    else if (status === 'returned') expect(full).toEqual({ ok: true, status: 'submitted', level: 'community' }) // resubmitted
    else expect(full).toEqual({ ok: false, code: 'CONFLICT', message: '问题已受理，不能再修改（仍可改为匿名）' })
  })

  test('only the reporter edits, whoever else asks', () => {
    for (const rel of RELATION_SETS.filter((r) => !r.has('reporter'))) {
      expect(canEdit(facts('submitted'), rel, true)).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能修改自己上报的问题' })
    }
  })
})

describe('canRate', () => {
  test.each(REPORT_STATUSES)('%s', (status) => {
    const d = canRate(facts(status), new Set(['reporter']))
    if (status === 'resolved') expect(d).toEqual({ ok: true, status: 'closed', level: 'community' })
    else expect(d).toEqual({ ok: false, code: 'CONFLICT', message: expect.stringContaining('不能评价') })
    expect(canRate(facts(status), new Set(['handler', 'member', 'committee', 'supervisor']))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  test('rating closes 7 days after 办结: at the edge still allowed, a moment later CONFLICT', () => {
    const resolvedAt = '2025-03-01T02:00:00.000Z'
    const edge = new Date(Date.parse(resolvedAt) + 7 * 24 * 3600_000)
    const reporter = new Set<ReportRelation>(['reporter'])
    expect(canRate(facts('resolved', { resolvedAt }), reporter, edge)).toMatchObject({ ok: true, status: 'closed' })
    expect(canRate(facts('resolved', { resolvedAt }), reporter, new Date(edge.getTime() + 1))).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '办结已超过 7 天，已自动结案，不能再评价',
    })
  })
})

describe('canMediate', () => {
  const handler = new Set<ReportRelation>(['handler'])
  test('a dispute being handled, by its handler only', () => {
    expect(canMediate(facts('accepted', { category: 'dispute' }), handler)).toEqual({ ok: true, status: 'accepted', level: 'community' })
    expect(canMediate(facts('accepted', { category: 'environment' }), handler)).toEqual({
      ok: false,
      code: 'CONFLICT',
      message: '只有矛盾纠纷需要调解记录',
    })
    expect(canMediate(facts('accepted', { category: 'dispute' }), new Set(['supervisor', 'committee', 'member']))).toMatchObject({
      code: 'FORBIDDEN',
    })
  })
  test.each(REPORT_STATUSES.filter((s) => s !== 'accepted'))('a dispute that is %s cannot be mediated', (status) => {
    expect(canMediate(facts(status, { category: 'dispute' }), handler)).toEqual({ ok: false, code: 'CONFLICT', message: '请先受理，再记录调解' })
  })
})

describe('canSupport', () => {
  const neighbour = new Set<ReportRelation>(['member', 'resident'])
  test.each(REPORT_STATUSES)('%s', (status) => {
    const open = status === 'submitted' || status === 'returned' || status === 'accepted'
    expect(canSupport(facts(status), neighbour).ok).toBe(open)
    expect(canSupport(facts(status, { visibility: 'private' }), neighbour)).toMatchObject({ ok: false, code: 'CONFLICT' })
  })
  test('not one’s own report, and only in one’s own community', () => {
    expect(canSupport(facts('submitted'), new Set(['member', 'resident', 'reporter']))).toEqual({ ok: false, code: 'CONFLICT', message: '这是您自己上报的问题' })
    expect(canSupport(facts('submitted'), new Set(['supervisor']))).toEqual({ ok: false, code: 'FORBIDDEN', message: '只能支持本社区的问题' })
  })
  test('我也遇到 is for residents: staff of the report (its 网格员, 社区, 街道) are refused, in every status', () => {
    for (const status of REPORT_STATUSES) {
      for (const rel of [['member', 'handler'], ['member', 'committee', 'supervisor'], ['member'], ['member', 'reporter', 'handler']] as ReportRelation[][]) {
        expect(canSupport(facts(status), new Set(rel))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/我也遇到/) })
      }
    }
    for (const persona of ['gridOwn', 'gridOwnResident', 'committeeOwn', 'committeeResident', 'streetOwn'] as const) {
      expect(canSupport(facts('accepted'), relationsOf({ ...REPORT, level: 'grid' }, PERSONAS[persona])).ok).toBe(false)
    }
    for (const persona of ['neighbour', 'volunteer', 'gridOtherResident'] as const) {
      expect(canSupport(facts('accepted'), relationsOf({ ...REPORT, level: 'grid' }, PERSONAS[persona])).ok).toBe(true)
    }
  })
})

describe('availableActions', () => {
  // staff of the report never get "我也遇到" (it is for residents)
  const sorted = (a: string[]) => [...a].sort()
  const at = (level: ReportLevel, persona: Persona) => relationsOf({ ...REPORT, level }, PERSONAS[persona])

  test.each([
    ['grid worker, new report at grid', facts('submitted', { level: 'grid', overdue: false }), at('grid', 'gridOwn'), ['accept', 'reject', 'return', 'escalate']],
    ['grid worker, a dispute being handled', facts('accepted', { level: 'grid', overdue: false, category: 'dispute', visibility: 'private' }), at('grid', 'gridOwn'), ['note', 'resolve', 'reject', 'return', 'escalate', 'mediate', 'responsible']],
    ['street, at street level under a district', facts('accepted', { level: 'street', overdue: false }), at('street', 'streetOwn'), ['note', 'resolve', 'reject', 'return', 'escalate']],
    ['street, at street level under no district (no escalate)', facts('accepted', { level: 'street', overdue: false, topLevel: 'street' }), at('street', 'streetOwn'), ['note', 'resolve', 'reject', 'return']],
    ['district, overdue at street', facts('accepted', { level: 'street', overdue: true }), at('street', 'districtOwn'), ['supervise']],
    ['city, at city level (no escalate)', facts('accepted', { level: 'city', overdue: false }), at('city', 'cityOwn'), ['note', 'resolve', 'reject', 'return']],
    ['committee, overdue at grid', facts('accepted', { level: 'grid', overdue: true }), at('grid', 'committeeOwn'), ['supervise', 'reassign']],
    ['committee, on time at grid', facts('accepted', { level: 'grid', overdue: false }), at('grid', 'committeeOwn'), ['reassign']],
    ['reporter, before 受理', facts('submitted', { level: 'grid' }), at('grid', 'reporter'), ['withdraw', 'edit']],
    ['reporter, returned to them', facts('returned', { level: 'grid' }), at('grid', 'reporter'), ['withdraw', 'edit']],
    ['reporter, after 办结', facts('resolved', { level: 'grid' }), at('grid', 'reporter'), ['reopen', 'rate']],
    ['neighbour, public and open', facts('accepted', { level: 'grid' }), at('grid', 'neighbour'), ['support']],
    ['neighbour, closed', facts('closed', { level: 'grid' }), at('grid', 'neighbour'), []],
    ['other community', facts('accepted', { level: 'grid' }), at('grid', 'outsider'), []],
  ] as const)('%s', (_name, f, rel, want) => {
    expect(sorted(availableActions(f, rel, NOW))).toEqual(sorted([...want]))
  })
})

test("status labels are issue 4's contract words (closed: 已评价/已关闭 — rated or closed by itself)", () => {
  expect(STATUS_LABELS).toEqual({
    submitted: '待受理',
    accepted: '处理中',
    returned: '退回补充',
    resolved: '已办结',
    closed: '已关闭',
    rejected: '不予受理',
    withdrawn: '已撤回',
  })
})
