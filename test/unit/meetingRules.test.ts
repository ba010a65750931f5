import { isTaskOverdue, meetingTimelineNote, meetingRecordSchema, responsibleTimelineNote } from '@/domain/meetings'
import { canAssignResponsible, canHoldMeeting, type ReportFacts, type ReportRelation } from '@/domain/reports/flow'

const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  status: 'accepted',
  level: 'community',
  category: 'dispute',
  visibility: 'private',
  overdue: false,
  resolvedAt: null,
  topLevel: 'city',
  ...over,
})
const rel = (...r: ReportRelation[]) => new Set(r)

test('the timeline says when, how many departments and the outcome — no names, no decision', () => {
  expect(meetingTimelineNote({ heldOn: '2026-12-07', outcome: 'partly', departments: ['司法所', '城管'] })).toBe('12月7日召开联席会议，2 个部门参加：部分达成一致')
  expect(meetingTimelineNote({ heldOn: '2026-01-20', outcome: 'notAgreed', departments: [] })).toBe('1月20日召开联席会议：未达成一致')
  expect(responsibleTimelineNote('社区 陈秀兰')).toBe('包保责任人：社区 陈秀兰')
})

test('a task is overdue once its day is over in China, never when done', () => {
  expect(isTaskOverdue('2026-12-07', null, new Date('2026-12-07T15:59:59Z'))).toBe(false) // 23:59:59 in China
  expect(isTaskOverdue('2026-12-07', null, new Date('2026-12-07T16:00:00Z'))).toBe(true) // the next day 00:00
  expect(isTaskOverdue('2026-12-07', '2026-12-09T00:00:00Z', new Date('2026-12-09T00:00:00Z'))).toBe(false)
})

test('a meeting: a dispute at the community or above, open, by its handler, supervisor or committee', () => {
  expect(canHoldMeeting(facts(), rel('handler')).ok).toBe(true)
  expect(canHoldMeeting(facts({ level: 'street', status: 'submitted' }), rel('supervisor')).ok).toBe(true)
  expect(canHoldMeeting(facts(), rel('committee')).ok).toBe(true)
  expect(canHoldMeeting(facts(), rel('reporter', 'member'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  expect(canHoldMeeting(facts({ level: 'grid' }), rel('handler'))).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(canHoldMeeting(facts({ category: 'environment' }), rel('handler'))).toMatchObject({ ok: false, code: 'CONFLICT' })
  for (const status of ['returned', 'resolved', 'closed', 'rejected', 'withdrawn'] as const) {
    expect(canHoldMeeting(facts({ status }), rel('handler'))).toMatchObject({ ok: false, code: 'CONFLICT' })
  }
})

test('包保: an open dispute at any level, 退回补充 included', () => {
  expect(canAssignResponsible(facts({ level: 'grid' }), rel('handler')).ok).toBe(true)
  expect(canAssignResponsible(facts({ status: 'returned' }), rel('committee')).ok).toBe(true)
  expect(canAssignResponsible(facts({ status: 'resolved' }), rel('handler'))).toMatchObject({ ok: false, code: 'CONFLICT' })
  expect(canAssignResponsible(facts(), rel('resident', 'member'))).toMatchObject({ ok: false, code: 'FORBIDDEN' })
})

test('the form’s schema: departments and tasks default to none; two attendees at least', () => {
  const parsed = meetingRecordSchema.parse({
    reportId: 'r1',
    heldOn: '2026-12-07',
    place: '议事厅',
    attendees: [{ name: '甲' }, { name: '乙', role: '物业' }],
    decision: '决定',
    outcome: 'agreed',
  })
  expect(parsed.departments).toEqual([])
  expect(parsed.tasks).toEqual([])
  expect(meetingRecordSchema.safeParse({ ...parsed, attendees: [{ name: '甲' }] }).success).toBe(false)
})
