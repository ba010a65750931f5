/** 社会动员 call-outs: the pure rules (phase, when answers are taken, hours, closing) and the create/answer schemas. */
import { calloutAnswerSchema, calloutCreateSchema, type CalloutCreateInput } from '@/domain/callouts'
import { answersOpen, calloutHours, calloutPhase, endWhenClosed, isOver } from '@/domain/callouts/rules'
import { areaCheck, checkinWindow } from '@/domain/shared/onSite'
import { areaCheck as patrolAreaCheck, checkinWindow as patrolWindow } from '@/domain/patrols/rules'

const T = (h: number, m = 0) => new Date(Date.UTC(2025, 2, 1, h, m)).toISOString()
const open = { status: 'open' as const, startAt: T(10), endAt: T(12) }

test('phase by the clock; closed stays closed', () => {
  expect([T(9), T(10), T(11, 59), T(12)].map((t) => calloutPhase(open, t))).toEqual(['upcoming', 'ongoing', 'ongoing', 'ended'])
  expect(calloutPhase({ ...open, status: 'closed' }, T(9))).toBe('closed')
})

test('answers are taken until the end, not after, and never once closed', () => {
  expect(answersOpen(open, T(11, 59))).toBe(true)
  expect(answersOpen(open, T(12))).toBe(false)
  expect(answersOpen({ ...open, status: 'closed' }, T(9))).toBe(false)
})

test('hours: from 报到 (not before the start) to the end, once over; nothing without 报到', () => {
  expect(calloutHours(open, T(9, 50), T(11))).toBeNull() // not over yet
  expect(isOver(open, T(12))).toBe(true)
  expect(calloutHours(open, T(9, 50), T(12))).toBe(2) // early 报到 counts from the start
  expect(calloutHours(open, T(10, 33), T(13))).toBe(1.5) // 87 min → 1.45 h → 1.5 (half up on 0.1 h)
  expect(calloutHours(open, null, T(13))).toBeNull()
  const closedEarly = { status: 'closed' as const, startAt: T(10), endAt: endWhenClosed(open, T(11)) }
  expect(calloutHours(closedEarly, T(10), T(11))).toBe(1)
})

test('a close sets the end to the closing time once started; before the start or after the end it keeps the end', () => {
  expect(endWhenClosed(open, T(11))).toBe(T(11))
  expect(endWhenClosed(open, T(9))).toBe(T(12))
  expect(endWhenClosed(open, T(13))).toBe(T(12))
})

test('the on-site rules are one: patrols use the same window and area check as call-outs', () => {
  expect(patrolWindow).toBe(checkinWindow)
  expect(patrolAreaCheck).toBe(areaCheck)
  expect(checkinWindow(open, T(9, 45))).toBe('open')
  expect(checkinWindow(open, T(9, 44))).toBe('early')
  expect(areaCheck({ latitude: 29.63, longitude: 120.4258, radius: 300 }, { latitude: 29.63 + 350 / 111_195.08, longitude: 120.4258 }, 60)).toEqual({ inside: true, distance: 350 })
})

const input: CalloutCreateInput = {
  title: '扫雪',
  kind: 'snowClearing',
  description: '主干道',
  place: '服务中心',
  area: { latitude: 29.63, longitude: 120.4, radius: 300 },
  startAt: T(10),
  endAt: T(12),
  audience: { volunteers: false, residents: true },
  gridIds: ['g1'],
  tasks: [{ name: '铲雪', capacity: 3 }],
}

test('create schema: 24 h at most, an audience, unique tasks', () => {
  expect(calloutCreateSchema.safeParse(input).success).toBe(true)
  const msgs = (over: Partial<CalloutCreateInput>) => {
    const r = calloutCreateSchema.safeParse({ ...input, ...over })
    return r.success ? [] : r.error.issues.map((i) => i.message)
  }
  expect(msgs({ endAt: new Date(Date.parse(T(10)) + 24 * 3600_000 + 60_000).toISOString() })).toEqual(['一次动员最长 24 小时'])
  expect(msgs({ audience: { volunteers: false, residents: false } })).toEqual(['请至少选择志愿者或居民之一'])
  expect(msgs({ tasks: [{ name: 'a', capacity: 1 }, { name: 'a', capacity: 2 }] })).toEqual(['任务名称不能重复'])
})

test('answer schema: 能来 needs a task, 来不了 takes none', () => {
  expect(calloutAnswerSchema.safeParse({ id: 'c', answer: 'yes', taskId: 't' }).success).toBe(true)
  expect(calloutAnswerSchema.safeParse({ id: 'c', answer: 'no' }).success).toBe(true)
  expect(calloutAnswerSchema.safeParse({ id: 'c', answer: 'yes' }).success).toBe(false)
  expect(calloutAnswerSchema.safeParse({ id: 'c', answer: 'no', taskId: 't' }).success).toBe(false)
})
