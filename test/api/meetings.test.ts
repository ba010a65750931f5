/**
 * 联席会议 (issue 17): meeting.record on a dispute that reached the community or above, through the dispatcher on
 * the run's engine — who may record it, what the resident sees (that it took place and its outcome, never the
 * minutes), the follow-up tasks in their owners' 待办, bad input with nothing written, retries and races.
 */
import type { MeetingRecordInput, MeetingTaskView, MeetingView, MyMeetingTask } from '@/domain/meetings'
import type { ReportView } from '@/domain/reports'
import { makeHarness, type Harness } from './support/harness'
import { race } from './support/race'
import { makeReport, raceJobs, WHO } from './support/reportFixtures'

// the races spawn worker processes: on a busy two-core machine a test takes longer than the default 20 s
jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

const TODAY = '2025-03-01' // NOW in China
// the demo seed holds one dispute with a meeting, a task and a 包保 responsible (cloud/seed/seedMeetings.ts): not counted
const SEEDED = 'r_demo_parking'
const meetingsCount = async () => Number(await h.sql.value('SELECT count(*) FROM meetings WHERE report_id <> ?', [SEEDED]))
const tasksCount = async () => Number(await h.sql.value('SELECT count(*) FROM meeting_tasks WHERE report_id <> ?', [SEEDED]))
const responsiblesCount = async () => Number(await h.sql.value('SELECT count(*) FROM dispute_responsibles WHERE report_id <> ?', [SEEDED]))

function meetingOf(reportId: string, extra: Partial<MeetingRecordInput> = {}): MeetingRecordInput {
  return {
    reportId,
    heldOn: TODAY,
    place: '锦江社区议事厅',
    departments: ['司法所', '城管'],
    attendees: [
      { name: '王建华', role: '当事人' },
      { name: '林小梅', role: '当事人' },
      { name: '陈秀兰', role: '社区' },
    ],
    decision: '王建华三日内清理楼道杂物，林小梅不再在楼道停放电动车；城管周五复查。',
    outcome: 'partly',
    tasks: [
      { ownerId: WHO.worker, task: '周五前上门复查楼道', dueOn: '2025-03-07' },
      { ownerId: WHO.street, task: '协调城管复查电动车停放', dueOn: '2025-03-10' },
    ],
    ...extra,
  }
}

const dispute = (level: 'grid' | 'community' | 'street' = 'community', status: 'submitted' | 'accepted' | 'resolved' = 'accepted') =>
  makeReport(h, { category: 'dispute', level, status, description: '邻居在楼道堆放杂物和电动车，协商多次未果' })

describe('recording a meeting', () => {
  test('the committee records it: minutes and tasks for staff, one timeline step for everyone, messages to the owners', async () => {
    const r = await dispute()
    const m = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee)
    expect(m).toMatchObject({
      reportId: r.id,
      heldOn: TODAY,
      place: '锦江社区议事厅',
      departments: ['司法所', '城管'],
      outcome: 'partly',
      recordedBy: '社区 陈秀兰',
    })
    expect(m.attendees.map((a) => a.name)).toEqual(['王建华', '林小梅', '陈秀兰'])
    expect(m.tasks.map((t) => [t.task, t.owner, t.dueOn, t.doneAt, t.overdue])).toEqual([
      ['周五前上门复查楼道', '网格员 孙丽', '2025-03-07', null, false],
      ['协调城管复查电动车停放', '街道 赵明', '2025-03-10', null, false],
    ])

    const seen = await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)
    const step = seen.timeline.at(-1)!
    expect(step).toMatchObject({ action: 'meeting', actor: '社区 陈秀兰', status: 'accepted', level: 'community' })
    expect(step.note).toBe('3月1日召开联席会议，2 个部门参加：部分达成一致')
    expect(JSON.stringify(seen)).not.toContain('林小梅')
    expect(JSON.stringify(seen)).not.toContain('议事厅')

    const msgs = await h.sql.all<{ user_id: string; title: string; body: string }>(
      "SELECT user_id, title, body FROM messages WHERE title = '联席会议交给您一项任务' AND body LIKE '%楼道%' ORDER BY user_id",
    )
    expect(msgs.map((x) => x.user_id).sort()).toEqual([WHO.street, WHO.worker].sort())
    expect(msgs.find((x) => x.user_id === WHO.worker)!.body).toContain('周五前上门复查楼道（2025-03-07 前）')
    const audit = await h.sql.get<{ actor_id: string; target_id: string }>("SELECT actor_id, target_id FROM audit_log WHERE action = 'meeting.record' AND target_id = ?", [r.id])
    expect(audit).toEqual({ actor_id: WHO.committee, target_id: r.id })
  })

  test('the minutes are staff only: the reporter is refused, the street (supervising, people masked) sees names masked', async () => {
    const r = await dispute()
    await h.ok('meeting.record', meetingOf(r.id), WHO.committee)
    const refused = await h.call('meeting.list', { reportId: r.id }, WHO.resident)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '会议纪要仅工作人员可见' } })
    const full = await h.ok<{ meetings: MeetingView[] }>('meeting.list', { reportId: r.id }, WHO.committee)
    expect(full.meetings[0]!.attendees[1]!.name).toBe('林小梅')
    const street = await h.ok<{ meetings: MeetingView[] }>('meeting.list', { reportId: r.id }, WHO.street)
    expect(street.meetings[0]!.attendees.map((a) => a.name)).toEqual(['王*华', '林*梅', '陈*兰'])
    const other = await h.call('meeting.list', { reportId: r.id }, WHO.committeeOther)
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('the view offers it (can: meet) to whoever may record it, and to no one else', async () => {
    const r = await dispute()
    const canMeet = async (who: string) => (await h.ok<ReportView>('report.get', { id: r.id }, who)).can.includes('meet')
    expect(await canMeet(WHO.committee)).toBe(true)
    expect(await canMeet(WHO.street)).toBe(true)
    expect(await canMeet(WHO.resident)).toBe(false)
    expect(await canMeet(WHO.worker)).toBe(false)
  })

  test.each([
    ['a street supervising it', WHO.street, true],
    ['the district', WHO.district, true],
    ['the grid worker of its grid', WHO.worker, false],
    ['its reporter', WHO.resident, false],
  ])('%s: %s', async (_label, who, allowed) => {
    const r = await dispute()
    const reply = await h.call('meeting.record', meetingOf(r.id, { tasks: [] }), who)
    if (allowed) expect(reply.ok).toBe(true)
    else expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有负责或督办这个纠纷的工作人员可以记录联席会议' } })
  })

  test('another community’s committee and a neighbour do not learn the dispute exists', async () => {
    const r = await dispute()
    for (const who of [WHO.committeeOther, WHO.resident2]) {
      expect(await h.call('meeting.record', meetingOf(r.id), who)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    }
    expect(await meetingsCount()).toBe(0)
  })

  test.each([
    ['a dispute still at the grid', () => dispute('grid'), '纠纷上报到社区或街道后，才召开联席会议', WHO.worker],
    ['a resolved dispute', () => dispute('community', 'resolved'), '问题当前已办结，不能记录联席会议', WHO.committee],
    [
      'a report that is not a dispute',
      () => makeReport(h, { category: 'environment', level: 'community', status: 'accepted' }),
      '只有矛盾纠纷可以召开联席会议',
      WHO.committee,
    ],
  ])('%s → CONFLICT, nothing written', async (_label, make, message, who) => {
    const r = await make()
    const before = await h.counts()
    const reply = await h.call('meeting.record', meetingOf(r.id, { tasks: [] }), who)
    expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message } })
    expect(await h.counts()).toEqual(before)
    expect(await meetingsCount()).toBe(0)
  })

  test('a dispute at the street: the street records it; a submitted one too', async () => {
    const r = await dispute('street', 'submitted')
    const m = await h.ok<MeetingView>('meeting.record', meetingOf(r.id, { tasks: [{ ownerId: WHO.committee, task: '通知双方当事人', dueOn: TODAY }] }), WHO.street)
    expect(m.recordedBy).toBe('街道 赵明')
    expect(m.tasks[0]!.owner).toBe('社区 陈秀兰')
  })
})

describe('bad input: a clear code, a Chinese message, nothing written', () => {
  test.each<[string, Partial<MeetingRecordInput> | Record<string, unknown>, string, string]>([
    ['a meeting in the future', { heldOn: '2025-03-02' }, 'heldOn', '会议日期不能晚于今天'],
    ['a date that does not exist', { heldOn: '2025-02-30' }, 'heldOn', '日期不存在'],
    ['one attendee', { attendees: [{ name: '王建华' }] }, 'attendees', '请填写至少两位参会人'],
    ['no decision', { decision: '' }, 'decision', '请填写会议决定'],
    ['an unknown outcome', { outcome: 'maybe' }, 'outcome', '请选择会议结果'],
    ['a task due yesterday', { tasks: [{ ownerId: WHO.worker, task: '复查', dueOn: '2025-02-28' }] }, 'tasks.0.dueOn', '任务期限不能早于今天'],
    ['a task for a resident', { tasks: [{ ownerId: WHO.resident2, task: '复查', dueOn: TODAY }] }, 'tasks.0.ownerId', '任务负责人须是能处理这个纠纷的工作人员'],
    [
      'a task for another community’s committee',
      { tasks: [{ ownerId: WHO.worker, task: '复查', dueOn: TODAY }, { ownerId: WHO.committeeOther, task: '复查', dueOn: TODAY }] },
      'tasks.1.ownerId',
      '任务负责人须是能处理这个纠纷的工作人员',
    ],
    ['a task for nobody', { tasks: [{ ownerId: 'u_nobody', task: '复查', dueOn: TODAY }] }, 'tasks.0.ownerId', '任务负责人须是能处理这个纠纷的工作人员'],
    ['eleven tasks', { tasks: Array.from({ length: 11 }, () => ({ ownerId: WHO.worker, task: '复查', dueOn: TODAY })) }, 'tasks', '后续任务最多 10 项'],
    ['an unknown field', { minutesSecret: 'x' }, '', ''],
  ])('%s', async (_label, extra, path, message) => {
    const r = await dispute()
    const before = await h.counts()
    const reply = await h.call('meeting.record', { ...meetingOf(r.id), ...extra }, WHO.committee)
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe('INVALID_INPUT')
    expect(reply.error.message).toMatch(/[\u4e00-\u9fff]/)
    if (path) expect(reply.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path, message })]))
    expect(await h.counts()).toEqual(before)
    expect(await meetingsCount()).toBe(0)
    expect(await tasksCount()).toBe(0)
  })

  test('no session → UNAUTHENTICATED', async () => {
    const r = await dispute()
    expect(await h.call('meeting.record', meetingOf(r.id))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('the owners’ tasks', () => {
  test('meeting.owners lists the caller first, then staff of the community who can work on it; each one meeting.record accepts', async () => {
    const r = await dispute()
    const { owners } = await h.ok<{ owners: { id: string; label: string }[] }>('meeting.owners', { reportId: r.id }, WHO.committee)
    expect(owners[0]).toEqual({ id: WHO.committee, label: '我自己（社区 陈秀兰）' })
    expect(owners.map((o) => o.label)).toContain('网格员 孙丽')
    expect(owners.map((o) => o.id)).not.toContain(WHO.resident)
    const tasks = owners.map((o) => ({ ownerId: o.id, task: '跟进', dueOn: TODAY }))
    expect((await h.call('meeting.record', meetingOf(r.id, { tasks }), WHO.committee)).ok).toBe(true)
    expect(await h.call('meeting.owners', { reportId: r.id }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test('in the owner’s 待办 by deadline with what the dispute is; done once, by the owner only', async () => {
    const r = await dispute()
    const m = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee)
    const mine = await h.ok<{ tasks: MyMeetingTask[] }>('meeting.tasks', {}, WHO.worker)
    expect(mine.tasks).toHaveLength(1)
    expect(mine.tasks[0]).toMatchObject({ task: '周五前上门复查楼道', reportId: r.id, dueOn: '2025-03-07' })
    expect(mine.tasks[0]!.subject).toMatch(/^矛盾纠纷「/)
    expect((await h.ok<{ tasks: MyMeetingTask[] }>('meeting.tasks', {}, WHO.resident)).tasks).toEqual([])

    const taskId = m.tasks[0]!.id
    expect(await h.call('meeting.completeTask', { taskId }, WHO.street)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const done = await h.ok<MeetingTaskView>('meeting.completeTask', { taskId, note: '已上门，楼道已清理' }, WHO.worker)
    expect(done).toMatchObject({ doneAt: '2025-03-01T02:00:00.000Z', doneNote: '已上门，楼道已清理', overdue: false })
    expect(await h.call('meeting.completeTask', { taskId }, WHO.worker)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '这项任务已经完成' },
    })
    expect((await h.ok<{ tasks: MyMeetingTask[] }>('meeting.tasks', {}, WHO.worker)).tasks).toEqual([])
    const minutes = await h.ok<{ meetings: MeetingView[] }>('meeting.list', { reportId: r.id }, WHO.committee)
    expect(minutes.meetings[0]!.tasks[0]!.doneNote).toBe('已上门，楼道已清理')
  })

  test('a task past its day is overdue', async () => {
    const r = await dispute()
    await h.ok('meeting.record', meetingOf(r.id, { tasks: [{ ownerId: WHO.worker, task: '复查', dueOn: TODAY }] }), WHO.committee)
    h.clock.set(new Date(Date.parse('2025-03-01T16:00:00.000Z'))) // 3月2日 00:00 in China
    const mine = await h.ok<{ tasks: MyMeetingTask[] }>('meeting.tasks', {}, WHO.worker)
    expect(mine.tasks[0]!.overdue).toBe(true)
  })
})

describe('retries and races', () => {
  test('the same requestId twice is one meeting; with other content → CONFLICT', async () => {
    const r = await dispute()
    const a = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee, 'meet-req-0001')
    const b = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee, 'meet-req-0001')
    expect(b.id).toBe(a.id)
    expect(await meetingsCount()).toBe(1)
    expect(await tasksCount()).toBe(2)
    const other = await h.call('meeting.record', meetingOf(r.id, { place: '街道会议室' }), WHO.committee, 'meet-req-0001')
    expect(other).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  test('a retry after the dispute was resolved still replays the recorded meeting', async () => {
    const r = await dispute()
    const a = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee, 'meet-req-0002')
    await h.ok('report.transition', { id: r.id, action: 'resolve', note: '双方已达成协议' }, WHO.committee)
    const b = await h.ok<MeetingView>('meeting.record', meetingOf(r.id), WHO.committee, 'meet-req-0002')
    expect(b.id).toBe(a.id)
  })

  test('one meeting retried from four processes at once is recorded once', async () => {
    const r = await dispute()
    // the workers run on the real clock: a deadline far ahead
    const payload = meetingOf(r.id, { tasks: [{ ownerId: WHO.worker, task: '周五前上门复查楼道', dueOn: '2099-12-31' }] })
    const replies = await race({ location: h.location, action: 'meeting.record', payload, userId: WHO.committee, requestId: 'meet-race-0001', processes: 4, perProcess: 2 })
    expect(replies.filter((x) => !x.ok)).toEqual([])
    expect(new Set(replies.map((x) => (x.ok ? (x.data as MeetingView).id : null))).size).toBe(1)
    expect(await meetingsCount()).toBe(1)
    expect(Number(await h.sql.value("SELECT count(*) FROM report_events WHERE action = 'meeting' AND report_id = ?", [r.id]))).toBe(1)
  })

  test('two staff recording meetings at once: each lands whole or is refused as a race', async () => {
    const r = await dispute()
    const replies = await race({ location: h.location, action: 'meeting.record', payload: meetingOf(r.id, { tasks: [] }), userId: [WHO.committee, WHO.street], processes: 4, perProcess: 2 })
    const ok = replies.filter((x) => x.ok).length
    for (const x of replies) if (!x.ok) expect(x.error).toMatchObject({ code: 'CONFLICT', message: '问题刚被其他人处理过，请刷新后重试' })
    expect(ok).toBeGreaterThanOrEqual(1)
    expect(await meetingsCount()).toBe(ok)
    expect(Number(await h.sql.value("SELECT count(*) FROM report_events WHERE action = 'meeting' AND report_id = ?", [r.id]))).toBe(ok)
  })

  test('a meeting racing 办结 of the same dispute: never a meeting on a report whose version moved under it', async () => {
    for (let round = 0; round < 3; round++) {
      const r = await dispute()
      const [meet, resolve] = await raceJobs(h.location, [
        { action: 'meeting.record', payload: meetingOf(r.id, { tasks: [] }), userId: WHO.committee, count: 1 },
        { action: 'report.transition', payload: { id: r.id, action: 'resolve', note: '双方已和解' }, userId: WHO.committee, count: 1 },
      ])
      const met = meet![0]!
      const resolved = resolve![0]!
      expect(met.ok || resolved.ok).toBe(true)
      for (const x of [met, resolved]) if (!x.ok) expect(x.error.code).toBe('CONFLICT')
      const steps = await h.sql.all<{ action: string }>('SELECT action FROM report_events WHERE report_id = ? ORDER BY id', [r.id])
      const last = steps.map((x) => x.action).filter((a) => a === 'meeting' || a === 'resolve')
      // the meeting, when it landed, came before the 办结 (a meeting is never recorded on a resolved dispute)
      if (met.ok && resolved.ok) expect(last).toEqual(['meeting', 'resolve'])
      expect(Number(await h.sql.value('SELECT count(*) FROM meetings WHERE report_id = ?', [r.id]))).toBe(met.ok ? 1 : 0)
    }
  })

})

describe('包保: the staff member answerable for a dispute until it is closed', () => {
  type Resp = { id: string; label: string; assignedAt: string }
  const disputesOf = async (who: string) => (await h.ok<{ disputes: { reportId: string; subject: string }[] }>('meeting.tasks', {}, who)).disputes

  test('named by the committee: on everyone’s timeline, told to the person, in their 待办 until the dispute is settled', async () => {
    const r = await dispute()
    const named = await h.ok<Resp>('meeting.assignResponsible', { reportId: r.id, userId: WHO.worker }, WHO.committee)
    expect(named).toMatchObject({ id: WHO.worker, label: '网格员 孙丽' })
    const seen = await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)
    expect(seen.timeline.at(-1)).toMatchObject({ action: 'responsible', note: '包保责任人：网格员 孙丽', actor: '社区 陈秀兰' })
    expect(await h.sql.value("SELECT count(*) FROM messages WHERE user_id = ? AND title = '您被指定为这个纠纷的包保责任人'", [WHO.worker])).toBeTruthy()
    const list = await h.ok<{ responsible: Resp | null }>('meeting.list', { reportId: r.id }, WHO.committee)
    expect(list.responsible).toMatchObject({ id: WHO.worker, label: '网格员 孙丽' })
    expect((await disputesOf(WHO.worker)).map((d) => d.reportId)).toEqual([r.id])
    expect((await disputesOf(WHO.worker))[0]!.subject).toMatch(/^矛盾纠纷「/)
    await h.ok('report.transition', { id: r.id, action: 'resolve', note: '双方已和解' }, WHO.committee)
    expect(await disputesOf(WHO.worker)).toEqual([])
  })

  test('the same person again → CONFLICT, nothing written; another person replaces them (one row)', async () => {
    const r = await dispute()
    await h.ok('meeting.assignResponsible', { reportId: r.id, userId: WHO.worker }, WHO.committee)
    const before = await h.counts()
    expect(await h.call('meeting.assignResponsible', { reportId: r.id, userId: WHO.worker }, WHO.committee)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: '网格员 孙丽 已是这个纠纷的包保责任人' },
    })
    expect(await h.counts()).toEqual(before)
    await h.ok('meeting.assignResponsible', { reportId: r.id, userId: WHO.committee }, WHO.street)
    expect(await h.sql.all('SELECT user_id FROM dispute_responsibles WHERE report_id = ?', [r.id])).toEqual([{ user_id: WHO.committee }])
    expect(await disputesOf(WHO.worker)).toEqual([])
  })

  test('a dispute still at its grid: its grid worker may name themselves', async () => {
    const r = await dispute('grid')
    const named = await h.ok<Resp>('meeting.assignResponsible', { reportId: r.id, userId: WHO.worker }, WHO.worker)
    expect(named.label).toBe('网格员 孙丽')
    expect((await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).can).toContain('responsible')
  })

  test.each([
    ['its reporter', () => dispute(), WHO.resident, WHO.worker, 'FORBIDDEN', '只有负责或督办这个纠纷的工作人员可以指定包保责任人'],
    ['a neighbour', () => dispute(), WHO.resident2, WHO.worker, 'NOT_FOUND', undefined],
    ['a report that is not a dispute', () => makeReport(h, { category: 'environment', level: 'community', status: 'accepted' }), WHO.committee, WHO.worker, 'CONFLICT', '只有矛盾纠纷实行包保责任制'],
    ['a resolved dispute', () => dispute('community', 'resolved'), WHO.committee, WHO.worker, 'CONFLICT', '问题当前已办结，不能指定包保责任人'],
    ['a resident named', () => dispute(), WHO.committee, WHO.resident2, 'INVALID_INPUT', '包保责任人须是能处理这个纠纷的工作人员'],
    ['another community’s committee named', () => dispute(), WHO.committee, WHO.committeeOther, 'INVALID_INPUT', '包保责任人须是能处理这个纠纷的工作人员'],
  ])('%s → refused, nothing written', async (_label, make, as, userId, code, message) => {
    const r = await make()
    const before = await h.counts()
    const reply = await h.call('meeting.assignResponsible', { reportId: r.id, userId }, as)
    expect(reply).toMatchObject({ ok: false, error: { code, ...(message ? { message } : {}) } })
    expect(await h.counts()).toEqual(before)
    expect(await responsiblesCount()).toBe(0)
  })

  test('two people named at once from several processes: one responsible, one step per landed write', async () => {
    const r = await dispute()
    const [a, b] = await raceJobs(h.location, [
      { action: 'meeting.assignResponsible', payload: { reportId: r.id, userId: WHO.worker }, userId: WHO.committee, count: 2 },
      { action: 'meeting.assignResponsible', payload: { reportId: r.id, userId: WHO.committee }, userId: WHO.street, count: 2 },
    ])
    const replies = [...a!, ...b!]
    const landed = replies.filter((x) => x.ok).length
    for (const x of replies) if (!x.ok) expect(x.error.code).toBe('CONFLICT')
    expect(landed).toBeGreaterThanOrEqual(1)
    expect(Number(await h.sql.value("SELECT count(*) FROM report_events WHERE action = 'responsible' AND report_id = ?", [r.id]))).toBe(landed)
    expect(await responsiblesCount()).toBe(1)
  })
})

describe('meeting.summary: 问题总览’s dispute figures', () => {
  type Figures = { open: number; withResponsible: number; meetingsLast30Days: number; openTasks: number; overdueTasks: number }

  test('the seeded demo: two open disputes in 锦江, one under 包保, one meeting, its task open', async () => {
    expect(await h.ok<Figures>('meeting.summary', {}, WHO.committee)).toEqual({ open: 2, withResponsible: 1, meetingsLast30Days: 1, openTasks: 1, overdueTasks: 0 })
  })

  test('a meeting, a task and a 包保 move them; a day later the task is overdue; the street sees its communities', async () => {
    const base = await h.ok<Figures>('meeting.summary', {}, WHO.committee)
    const r = await dispute()
    await h.ok('meeting.record', meetingOf(r.id, { tasks: [{ ownerId: WHO.worker, task: '复查', dueOn: TODAY }] }), WHO.committee)
    await h.ok('meeting.assignResponsible', { reportId: r.id, userId: WHO.worker }, WHO.committee)
    const after = await h.ok<Figures>('meeting.summary', {}, WHO.committee)
    expect(after).toEqual({
      open: base.open + 1,
      withResponsible: base.withResponsible + 1,
      meetingsLast30Days: base.meetingsLast30Days + 1,
      openTasks: base.openTasks + 1,
      overdueTasks: base.overdueTasks,
    })
    h.clock.set(new Date(Date.parse('2025-03-01T16:00:00.000Z'))) // 3月2日 in China
    expect((await h.ok<Figures>('meeting.summary', {}, WHO.committee)).overdueTasks).toBe(base.overdueTasks + 1)
    const street = await h.ok<Figures>('meeting.summary', {}, WHO.street)
    expect(street.open).toBeGreaterThanOrEqual(after.open)
    expect(street.meetingsLast30Days).toBe(after.meetingsLast30Days)
    const other = await h.ok<Figures>('meeting.summary', {}, WHO.committeeOther)
    expect(other.meetingsLast30Days).toBe(0)
  })

  test('a grid worker or a resident → FORBIDDEN', async () => {
    for (const who of [WHO.worker, WHO.resident]) {
      expect(await h.call('meeting.summary', {}, who)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有社区、街道、区和市的工作人员可以查看统计' } })
    }
  })
})
