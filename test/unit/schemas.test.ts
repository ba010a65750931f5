import { z } from 'zod'
import { devLoginSchema, wxLoginSchema } from '@/domain/auth'
import { apiEventSchema } from '@/domain/shared/envelope'
import { noticeIdSchema, noticeListSchema, noticePublishSchema } from '@/domain/notices'
import { idSchema, isoTime, text } from '@/domain/shared/text'

const ok = (s: z.ZodType, v: unknown) => s.safeParse(v).success

describe('text()', () => {
  const title = text(1, 5, '标题')
  test('counts code points, trims, and words its errors in Chinese', () => {
    expect(title.parse('  五个字啊啊 ')).toBe('五个字啊啊')
    expect(ok(title, '🎉🎉🎉🎉🎉')).toBe(true)
    expect(ok(title, '🎉🎉🎉🎉🎉🎉')).toBe(false)
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('请填写标题')
    expect(title.safeParse('六个字啊啊啊').error?.issues[0]?.message).toBe('标题最多 5 个字')
    expect(title.safeParse(5).error?.issues[0]?.message).toBe('标题必须是文字')
  })

  test('a 10 MB string is refused with the length message', () => {
    const r = text(1, 5000, '正文').safeParse('x'.repeat(10 * 1024 * 1024))
    expect(r.success).toBe(false)
    expect(r.error?.issues.map((i) => i.message)).toEqual(['正文最多 5000 个字'])
  })

  test('minimum above 1 counts code points too', () => {
    const s = text(3, 10, '名称')
    expect(ok(s, '🎉🎉')).toBe(false)
    expect(ok(s, '🎉🎉🎉')).toBe(true)
  })
})

describe('idSchema', () => {
  test.each([['abc_DEF-123', true], ['', false], ['a'.repeat(64), true], ['a'.repeat(65), false], ["x' OR 1=1", false], ['中文', false], ['a/b', false]])(
    '%p → %p',
    (v, want) => expect(ok(idSchema, v)).toBe(want),
  )
})

describe('noticePublishSchema', () => {
  const base = { title: '标题', body: '正文', category: 'notice' }
  test('accepts the contract', () => {
    expect(ok(noticePublishSchema, base)).toBe(true)
    expect(
      ok(noticePublishSchema, { ...base, gridIds: ['g_1'], pinned: true, important: false, publishAt: '2025-03-01T10:00:00+08:00', expireAt: '2025-03-02T00:00:00Z' }),
    ).toBe(true)
  })
  test.each([
    ['unknown key', { ...base, extra: 1 }],
    ['own __proto__', JSON.parse('{"title":"t","body":"b","category":"notice","__proto__":{"x":1}}')],
    ['category', { ...base, category: 'other' }],
    ['empty gridIds', { ...base, gridIds: [] }],
    ['time without zone', { ...base, publishAt: '2025-03-01T10:00:00' }],
    ['expiry before publish', { ...base, publishAt: '2025-03-02T00:00:00Z', expireAt: '2025-03-01T00:00:00Z' }],
    ['expiry equal to publish', { ...base, publishAt: '2025-03-02T00:00:00Z', expireAt: '2025-03-02T00:00:00Z' }],
  ])('refuses %s', (_n, v) => expect(ok(noticePublishSchema, v)).toBe(false))
})

describe('other schemas', () => {
  test('list paging bounds', () => {
    expect(ok(noticeListSchema, {})).toBe(true)
    expect(ok(noticeListSchema, { limit: 100 })).toBe(true)
    expect(ok(noticeListSchema, { limit: 101 })).toBe(false)
    expect(ok(noticeListSchema, { limit: 0 })).toBe(false)
  })
  test('id input, login inputs, event envelope', () => {
    expect(ok(noticeIdSchema, { id: 'n_1' })).toBe(true)
    expect(ok(noticeIdSchema, { id: 'n_1', x: 1 })).toBe(false)
    expect(ok(devLoginSchema, { role: 'street' })).toBe(true)
    expect(ok(devLoginSchema, { role: 'admin' })).toBe(false)
    expect(ok(wxLoginSchema, { code: '' })).toBe(false)
    expect(ok(apiEventSchema, { action: 'notice.list', requestId: '12345678' })).toBe(true)
    expect(ok(apiEventSchema, { action: 'notice.list', requestId: '1234567' })).toBe(false)
    expect(ok(apiEventSchema, { action: '' })).toBe(false)
  })
})

describe('oversized strings stop at the length check', () => {
  const big = 'x'.repeat(10 * 1024 * 1024) + '!' // the '!' fails each pattern, so a pattern that ran adds an issue
  test.each([
    ['idSchema', idSchema],
    ['isoTime', isoTime],
  ])('%s reports one issue and never runs its pattern over 10 MB', (_name, schema) => {
    const r = schema.safeParse(big)
    expect(r.success).toBe(false)
    expect(r.error?.issues).toHaveLength(1)
    expect(r.error?.issues[0].code).toBe('too_big')
  })
})
