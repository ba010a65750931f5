/**
 * Bad input for every notice action (DESIGN §5): each must get a 4xx code with a Chinese message and
 * leave every table as it was. Then the other side: emoji count as one character and HTML/SQL text is
 * stored verbatim and harms nothing.
 */
import { statusOf } from '@/domain/shared/errors'
import { makeHarness, type Harness } from './support/harness'

const COMMITTEE = 'u_committee_jj'
const RESIDENT = 'u_resident_jj1'
const TEN_MB = 'x'.repeat(10 * 1024 * 1024)
const SQL = "'; DROP TABLE notices; --"
const proto = (json: string) => JSON.parse(json) as unknown

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

const good = { title: '标题', body: '正文', category: 'notice' }

const idPayloads: [string, unknown][] = [
  ['missing id', {}],
  ['id a number', { id: 42 }],
  ['id null', { id: null }],
  ['id empty', { id: '' }],
  ['id an array', { id: ['n_water_cut'] }],
  ['id too long', { id: 'a'.repeat(65) }],
  ['id with SQL', { id: `n_water_cut${SQL}` }],
  ['id 10 MB', { id: TEN_MB }],
  ['unknown key', { id: 'n_water_cut', admin: true }],
  ['own __proto__ key', proto('{"id":"n_water_cut","__proto__":{"admin":true}}')],
  ['constructor key', { id: 'n_water_cut', constructor: { prototype: {} } }],
  ['payload a string', 'n_water_cut'],
  ['payload an array', ['n_water_cut']],
  ['payload null', null],
  ['payload a number', 7],
]

const CASES: Record<string, { as: string; payloads: [string, unknown][] }> = {
  'notice.publish': {
    as: COMMITTEE,
    payloads: [
      ['empty', {}],
      ['title missing', { body: '正文', category: 'notice' }],
      ['body missing', { title: '标题', category: 'notice' }],
      ['category missing', { title: '标题', body: '正文' }],
      ['title a number', { ...good, title: 1 }],
      ['title an object', { ...good, title: { zh: '标题' } }],
      ['title only spaces', { ...good, title: '   \n\t ' }],
      ['title 61 chars', { ...good, title: '字'.repeat(61) }],
      ['title 61 emoji', { ...good, title: '🎉'.repeat(61) }],
      ['title 10 MB', { ...good, title: TEN_MB }],
      ['body 5001 chars', { ...good, body: '字'.repeat(5001) }],
      ['body 10 MB', { ...good, body: TEN_MB }],
      ['category unknown', { ...good, category: 'ads' }],
      ['category with SQL', { ...good, category: `notice${SQL}` }],
      ['gridIds empty', { ...good, gridIds: [] }],
      ['gridIds a string', { ...good, gridIds: 'g_jj_1' }],
      ['gridIds of numbers', { ...good, gridIds: [1, 2] }],
      ['gridIds 51 items', { ...good, gridIds: Array.from({ length: 51 }, (_, i) => `g_${i}`) }],
      ['pinned a string', { ...good, pinned: 'yes' }],
      ['important a number', { ...good, important: 1 }],
      ['publishAt not a time', { ...good, publishAt: '明天' }],
      ['publishAt without offset', { ...good, publishAt: '2025-03-02 10:00' }],
      ['expireAt before publishAt', { ...good, publishAt: '2025-03-05T00:00:00Z', expireAt: '2025-03-04T00:00:00Z' }],
      ['expireAt already past', { ...good, expireAt: '2025-02-01T00:00:00Z' }],
      ['expireAt in year 9999 at -14:00', { ...good, expireAt: '9999-12-31T23:59:59-14:00' }],
      ['publishAt past 2099', { ...good, publishAt: '2100-01-01T00:00:00Z' }],
      ['publishAt before 2000', { ...good, publishAt: '1999-12-31T23:59:59Z' }],
      ['unknown key', { ...good, authorId: 'u_street' }],
      ['communityId smuggled', { ...good, communityId: 'c_linjiang' }],
      ['own __proto__ key', proto('{"title":"标题","body":"正文","category":"notice","__proto__":{"pinned":true}}')],
      ['payload a string', '标题'],
      ['payload null', null],
    ],
  },
  'notice.list': {
    as: RESIDENT,
    payloads: [
      ['limit 0', { limit: 0 }],
      ['limit 101', { limit: 101 }],
      ['limit 1.5', { limit: 1.5 }],
      ['limit a string', { limit: '20' }],
      ['limit negative', { limit: -1 }],
      ['cursor garbage', { cursor: '!!!not-a-cursor!!!' }],
      ['cursor base64 of junk', { cursor: Buffer.from('{"p":1}').toString('base64url') }],
      ['cursor with SQL', { cursor: Buffer.from(JSON.stringify({ p: 0, a: SQL, i: 'x' })).toString('base64url') }],
      ['cursor 10 MB', { cursor: TEN_MB }],
      ['cursor a number', { cursor: 5 }],
      ['unknown key', { communityId: 'c_linjiang' }],
      ['own __proto__ key', proto('{"limit":5,"__proto__":{"x":1}}')],
      ['payload an array', []],
    ],
  },
  'notice.get': { as: RESIDENT, payloads: idPayloads },
  'notice.confirm': { as: RESIDENT, payloads: idPayloads },
  'notice.stats': { as: COMMITTEE, payloads: idPayloads },
  'notice.withdraw': { as: COMMITTEE, payloads: idPayloads },
}

describe.each(Object.entries(CASES))('%s', (action, { as, payloads }) => {
  test.each(payloads)('%s → 4xx, Chinese message, nothing written', async (_name, payload) => {
    const before = await h.counts()
    const r = await h.call(action, payload, as)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const status = statusOf(r.error.code)
    expect(status).toBeGreaterThanOrEqual(400)
    expect(status).toBeLessThan(500)
    expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/)
    expect(await h.counts()).toEqual(before)
    expect(h.errors).toEqual([])
  })
})

describe('event envelope', () => {
  const events: [string, unknown][] = [
    ['not an object', 'notice.list'],
    ['null', null],
    ['an array', [{ action: 'notice.list' }]],
    ['action missing', { payload: {} }],
    ['action a number', { action: 1 }],
    ['action 10 MB', { action: TEN_MB }],
    ['unknown top-level key', { action: 'notice.list', userId: COMMITTEE }],
    ['own __proto__ key', proto('{"action":"notice.list","__proto__":{"isAdmin":true}}')],
    ['requestId too short', { action: 'notice.list', requestId: 'abc' }],
    ['requestId a number', { action: 'notice.list', requestId: 12345678 }],
  ]
  test.each(events)('%s → INVALID_INPUT', async (_name, event) => {
    const { dispatch } = await import('../../cloud/api/dispatch')
    const before = await h.counts()
    const r = await dispatch(event, { userId: RESIDENT }, h.deps)
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    if (!r.ok) expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(await h.counts()).toEqual(before)
  })

  test.each(['notice.delete', 'constructor', '__proto__', 'toString', 'notice.list '])('unknown action %p → NOT_FOUND 未知的操作', async (action) => {
    const r = await h.call(action, {}, RESIDENT)
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '未知的操作' } })
  })

  test('a validation error names each field in details', async () => {
    const r = await h.call('notice.publish', { title: 1, category: 'x' }, COMMITTEE)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const details = r.error.details as { path: string; message: string }[]
    expect(details.map((d) => d.path).sort()).toEqual(['body', 'category', 'title'])
    expect(r.error.message).toBe(details[0]?.message)
    for (const d of details) expect(d.message).toMatch(/[\u4e00-\u9fff]/)
  })
})

describe('what must be accepted, verbatim', () => {
  test('60 emoji are 60 characters: accepted, 61 are not', async () => {
    const n = await h.ok<{ title: string }>('notice.publish', { ...good, title: '🎉'.repeat(60) }, COMMITTEE)
    expect([...n.title]).toHaveLength(60)
  })

  test('HTML and SQL fragments are stored verbatim and harm nothing', async () => {
    const title = `<script>alert(1)</script>${SQL}`
    const body = `<img src=x onerror=alert(1)> " OR 1=1 -- ; DELETE FROM users; ${SQL}`
    const before = await h.counts()
    const n = await h.ok<{ id: string }>('notice.publish', { ...good, title, body }, COMMITTEE)
    const read = await h.ok<{ title: string; body: string }>('notice.get', { id: n.id }, RESIDENT)
    expect(read.title).toBe(title)
    expect(read.body).toBe(body)
    const after = await h.counts()
    expect(after.notices).toBe(before.notices + 1)
    expect(after.users).toBe(before.users)
  })

  test('surrounding whitespace is trimmed, inner text kept', async () => {
    const n = await h.ok<{ title: string; body: string }>('notice.publish', { ...good, title: '  标题 \n', body: '\n第一行\n\n第二行  ' }, COMMITTEE)
    expect(n.title).toBe('标题')
    expect(n.body).toBe('第一行\n\n第二行')
  })

  test('words on the list are refused with CONTENT_REJECTED, nothing written', async () => {
    const before = await h.counts()
    for (const title of ['代开发票', '代 开 发 票', '代-开-发-票', '欢迎参与赌博']) {
      const r = await h.call('notice.publish', { ...good, title }, COMMITTEE)
      expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    }
    const r = await h.call('notice.publish', { ...good, body: '正文里有网络赌博广告' }, COMMITTEE)
    expect(r).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.counts()).toEqual(before)
  })
})
