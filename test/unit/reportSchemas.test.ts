import type { z } from 'zod'
import { messageListSchema, messageReadSchema } from '@/domain/messages'
import {
  defaultVisibility,
  reportCreateSchema,
  reportEditSchema,
  reportListSchema,
  reportMediateSchema,
  reportNearbySchema,
  reportRateSchema,
  reportSetDeadlinesSchema,
  reportTransitionSchema,
} from '@/domain/reports'

/** The messages of a refused value, or [] when it passes. */
const messages = (s: z.ZodType, v: unknown) => s.safeParse(v).error?.issues.map((i) => i.message) ?? []
const paths = (s: z.ZodType, v: unknown) => s.safeParse(v).error?.issues.map((i) => i.path.join('.')) ?? []

const base = { category: 'environment', description: '楼道里堆满了杂物' }

describe('reportCreateSchema', () => {
  test('a minimal report, and a full one, pass; text is trimmed', () => {
    expect(reportCreateSchema.parse({ ...base, description: '  楼道里堆满了杂物  ' }).description).toBe('楼道里堆满了杂物')
    expect(
      messages(reportCreateSchema, {
        ...base,
        photoIds: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6'],
        location: { latitude: 31.23, longitude: 121.47, address: '幸福小区 3 栋', coordSystem: 'wgs84' },
        gridId: 'g1',
        anonymous: true,
        visibility: 'private',
      }),
    ).toEqual([])
    expect(messages(reportCreateSchema, { ...base, description: '🎉🎉🎉🎉🎉' })).toEqual([])
  })

  test.each([
    ['no category', { description: base.description }, '请选择问题类别'],
    ['an unknown category', { ...base, category: 'pothole' }, '请选择问题类别'],
    ['a description of 4 characters', { ...base, description: '有垃圾了' }, '问题描述至少 5 个字'],
    ['a description of blanks', { ...base, description: '     ' }, '问题描述至少 5 个字'],
    ['a description of 1,001 characters', { ...base, description: '脏'.repeat(1001) }, '问题描述最多 1000 个字'],
    ['a description that is not text', { ...base, description: 12345 }, '问题描述必须是文字'],
    ['7 photos', { ...base, photoIds: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }, '最多 6 张照片'],
    ['the same photo twice', { ...base, photoIds: ['a', 'a'] }, '照片重复了'],
    ['a photo id with a path in it', { ...base, photoIds: ['../etc/passwd'] }, '编号格式不正确'],
    ['photos not a list', { ...base, photoIds: 'a' }, '照片格式不正确'],
    ['latitude 91', { ...base, location: { latitude: 91, longitude: 120 } }, '纬度超出范围'],
    ['longitude -181', { ...base, location: { latitude: 30, longitude: -181 } }, '经度超出范围'],
    ['longitude as text', { ...base, location: { latitude: 30, longitude: '120' } }, '经度必须是数字'],
    ['an address of 101 characters', { ...base, location: { latitude: 30, longitude: 120, address: '路'.repeat(101) } }, '地址最多 100 个字'],
    ['an unknown visibility', { ...base, visibility: 'friends' }, '请选择公开范围'],
  ])('refuses %s', (_name, value, message) => {
    expect(messages(reportCreateSchema, value)).toContain(message)
  })

  test('refuses unknown keys, a bad coordinate system and a non-boolean anonymous', () => {
    expect(reportCreateSchema.safeParse({ ...base, reporterId: 'u1' }).success).toBe(false)
    expect(reportCreateSchema.safeParse({ ...base, __proto__: { admin: true }, constructor: 1 }).success).toBe(false)
    expect(reportCreateSchema.safeParse({ ...base, location: { latitude: 30, longitude: 120, coordSystem: 'bd09' } }).success).toBe(false)
    expect(reportCreateSchema.safeParse({ ...base, anonymous: 'yes' }).success).toBe(false)
  })

  test('a 10 MB description is refused with the length message only', () => {
    expect(messages(reportCreateSchema, { ...base, description: 'x'.repeat(10 * 1024 * 1024) })).toEqual(['问题描述最多 1000 个字'])
  })

  test('disputes are private by default, everything else public', () => {
    expect(defaultVisibility('dispute')).toBe('private')
    expect(defaultVisibility('environment')).toBe('public')
    expect(defaultVisibility('safety_hazard')).toBe('public')
  })
})

describe('reportTransitionSchema', () => {
  // written from the issue: the person on the other side reads a reason for all but accept, reassign and withdraw
  const needsNote = ['note', 'resolve', 'reject', 'return', 'escalate', 'supervise', 'reopen']
  const noNote = ['accept', 'withdraw']

  test.each(needsNote)('%s without a note → 请填写说明 (on note)', (action) => {
    expect(messages(reportTransitionSchema, { id: 'r1', action })).toEqual(['请填写说明'])
    expect(paths(reportTransitionSchema, { id: 'r1', action })).toEqual(['note'])
    expect(messages(reportTransitionSchema, { id: 'r1', action, note: '   ' })).toContain('请填写说明')
    expect(messages(reportTransitionSchema, { id: 'r1', action, note: '已清理' })).toEqual([])
  })

  test.each(noNote)('%s needs no note', (action) => {
    expect(messages(reportTransitionSchema, { id: 'r1', action })).toEqual([])
  })

  test('reassign needs whom to, not a note', () => {
    expect(messages(reportTransitionSchema, { id: 'r1', action: 'reassign' })).toEqual(['请选择改派给谁'])
    expect(paths(reportTransitionSchema, { id: 'r1', action: 'reassign' })).toEqual(['toUserId'])
    expect(messages(reportTransitionSchema, { id: 'r1', action: 'reassign', toUserId: 'u9' })).toEqual([])
  })

  test('refuses an unknown action, a long note, too many photos and a bad id', () => {
    expect(messages(reportTransitionSchema, { id: 'r1', action: 'delete' })).toContain('不支持的操作')
    expect(messages(reportTransitionSchema, { id: 'r1', action: 'note', note: '字'.repeat(1001) })).toContain('说明最多 1000 个字')
    expect(messages(reportTransitionSchema, { id: 'r1', action: 'note', note: '进展', photoIds: ['1', '2', '3', '4', '5', '6', '7'] })).toContain(
      '最多 6 张照片',
    )
    expect(messages(reportTransitionSchema, { id: 'r 1', action: 'accept' })).toContain('编号格式不正确')
  })
})

describe('reportEditSchema', () => {
  test('nothing to change is an error', () => {
    expect(messages(reportEditSchema, { id: 'r1' })).toEqual(['没有要修改的内容'])
  })
  test('one change is enough; each field keeps its own rule', () => {
    expect(messages(reportEditSchema, { id: 'r1', anonymous: true })).toEqual([])
    expect(messages(reportEditSchema, { id: 'r1', category: 'facility', description: '路灯坏了好几天' })).toEqual([])
    expect(messages(reportEditSchema, { id: 'r1', description: '短' })).toContain('问题描述至少 5 个字')
    expect(messages(reportEditSchema, { id: 'r1', category: 'x' })).toContain('请选择问题类别')
    expect(reportEditSchema.safeParse({ id: 'r1', status: 'closed' }).success).toBe(false)
  })
})

describe('reportRateSchema', () => {
  test.each([
    [0, '评分是 1 到 5 的整数'],
    [6, '评分是 1 到 5 的整数'],
    [3.5, '评分是 1 到 5 的整数'],
    ['5', '请选择评分'],
    [undefined, '请选择评分'],
  ])('score %p → %s', (score, message) => {
    expect(messages(reportRateSchema, { id: 'r1', score })).toContain(message)
  })
  test('1 and 5 pass, with or without a comment', () => {
    expect(messages(reportRateSchema, { id: 'r1', score: 1 })).toEqual([])
    expect(messages(reportRateSchema, { id: 'r1', score: 5, comment: '处理很及时' })).toEqual([])
    expect(messages(reportRateSchema, { id: 'r1', score: 5, comment: '好'.repeat(501) })).toContain('评价最多 500 个字')
  })
})

describe('reportMediateSchema', () => {
  const parties = [{ name: '张三', role: '楼上住户' }, { name: '李四' }]
  const m = { id: 'r1', kind: 'people', parties }

  test('a record with a session and an agreement passes', () => {
    expect(
      messages(reportMediateSchema, { ...m, session: { date: '2024-02-29', note: '双方到场，初步沟通' }, outcome: 'agreed', agreement: '楼上铺设地垫' }),
    ).toEqual([])
    expect(messages(reportMediateSchema, { ...m, outcome: 'failed' })).toEqual([])
  })

  test.each([
    ['an unknown kind', { ...m, kind: 'court' }, '请选择调解方式'],
    ['one party', { ...m, parties: [parties[0]] }, '请填写至少两方当事人'],
    ['eleven parties', { ...m, parties: Array.from({ length: 11 }, (_, i) => ({ name: `当事人${i}` })) }, '当事人最多 10 位'],
    ['a party without a name', { ...m, parties: [{ name: '' }, { name: '李四' }] }, '请填写当事人姓名'],
    ['agreed without the agreement', { ...m, outcome: 'agreed' }, '调解成功请填写协议内容'],
    ['an agreement when it failed', { ...m, outcome: 'failed', agreement: '无' }, '只有调解成功才有协议'],
    ['an agreement with no outcome', { ...m, agreement: '无' }, '只有调解成功才有协议'],
    ['30 February', { ...m, session: { date: '2025-02-30', note: '记录' } }, '日期不存在'],
    ['29 February of a common year', { ...m, session: { date: '2025-02-29', note: '记录' } }, '日期不存在'],
    ['month 13', { ...m, session: { date: '2025-13-01', note: '记录' } }, '日期不存在'],
    ['a date without leading zeros', { ...m, session: { date: '2025-2-3', note: '记录' } }, '日期格式不正确'],
    ['a date with a time', { ...m, session: { date: '2025-02-03T10:00', note: '记录' } }, '日期格式不正确'],
    ['a date that is not text', { ...m, session: { date: 20250203, note: '记录' } }, '日期格式不正确'],
    ['a session without a note', { ...m, session: { date: '2025-02-03', note: '' } }, '请填写调解记录'],
  ])('refuses %s', (_name, value, message) => {
    expect(messages(reportMediateSchema, value)).toContain(message)
  })

  test('a 10 MB date is refused quickly with the format message only', () => {
    expect(messages(reportMediateSchema, { ...m, session: { date: '2'.repeat(10 * 1024 * 1024), note: '记录' } })).toEqual(['日期格式不正确'])
  })
})

describe('reportSetDeadlinesSchema', () => {
  test('some categories at a time, 1 to 30 whole working days', () => {
    expect(messages(reportSetDeadlinesSchema, { days: { safety_hazard: 1, dispute: 30 } })).toEqual([])
    expect(messages(reportSetDeadlinesSchema, { days: { safety_hazard: 0 } })).toEqual(['至少 1 个工作日'])
    expect(messages(reportSetDeadlinesSchema, { days: { dispute: 31 } })).toEqual(['最多 30 个工作日'])
    expect(messages(reportSetDeadlinesSchema, { days: { other: 2.5 } })).toEqual(['天数须为整数'])
    expect(reportSetDeadlinesSchema.safeParse({ days: { pothole: 3 } }).success).toBe(false)
    expect(reportSetDeadlinesSchema.safeParse({ days: { safety_hazard: '2' } }).success).toBe(false)
    expect(reportSetDeadlinesSchema.safeParse({}).success).toBe(false)
  })
})

describe('reportListSchema and reportNearbySchema', () => {
  test('scope is required and known; pages are 1–100', () => {
    expect(messages(reportListSchema, { scope: 'queue', overdue: true, limit: 100 })).toEqual([])
    expect(messages(reportListSchema, { scope: 'all' })).toContain('请选择列表范围')
    expect(messages(reportListSchema, {})).toContain('请选择列表范围')
    expect(reportListSchema.safeParse({ scope: 'queue', limit: 101 }).success).toBe(false)
    expect(reportListSchema.safeParse({ scope: 'queue', status: 'done' }).success).toBe(false)
  })
  test('nearby needs a point and a category', () => {
    expect(messages(reportNearbySchema, { latitude: 31.2, longitude: 121.4, category: 'facility' })).toEqual([])
    expect(messages(reportNearbySchema, { latitude: 31.2, longitude: 121.4 })).toContain('请选择问题类别')
    expect(messages(reportNearbySchema, { latitude: -91, longitude: 121.4, category: 'facility' })).toContain('纬度超出范围')
  })
})

describe('messageReadSchema and messageListSchema', () => {
  test.each([
    [{ id: 'm1' }, []],
    [{ all: true }, []],
    [{ all: false }, ['请指定要标为已读的消息']],
    [{}, ['请指定要标为已读的消息']],
    [{ id: 'm1', all: true }, ['请指定要标为已读的消息']],
    ['m1', ['请指定要标为已读的消息']],
  ])('%p → %p', (value, want) => {
    expect(messages(messageReadSchema, value)).toEqual(want)
  })
  test('list: unread only and a page', () => {
    expect(messages(messageListSchema, { unreadOnly: true, limit: 20 })).toEqual([])
    expect(messageListSchema.safeParse({ unreadOnly: 'yes' }).success).toBe(false)
  })
})
