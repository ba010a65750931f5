/** Small server-side pieces with rules of their own: word list, cursor, Chinese zod messages, config. */
import { z } from 'zod'
import { wordListCheck } from '../../cloud/adapters/contentCheck/wordList'
import { zhErrorMap } from '../../cloud/api/zodMessages'
import { configFromEnv } from '../../cloud/compose'
import { decodeCursor, encodeCursor } from '../../cloud/notices/cursor'

describe('word-list content check', () => {
  const check = wordListCheck({ risky: ['代开发票', '赌博'], review: ['传销'] })
  const ctx = { userId: 'u', scene: 'notice' as const }
  test.each([
    ['社区通知', 'pass'],
    ['代开发票', 'risky'],
    ['代 开·发-票', 'risky'],
    ['代\u200b开发票', 'risky'],
    ['ＡＢ赌博ＣＤ', 'risky'],
    ['谨防传销', 'review'],
  ])('%p → %s', async (text, suggest) => {
    expect((await check.check([text], ctx)).suggest).toBe(suggest)
  })
  test('the default list comes from words.json', async () => {
    expect((await wordListCheck().check(['法轮'], ctx)).suggest).toBe('risky')
  })
})

describe('cursor', () => {
  test('round-trips and refuses anything else with INVALID_INPUT', () => {
    const c = { pinned: true, publishAt: '2025-03-01T02:00:00.000Z', id: 'n_1' }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
    for (const bad of ['', 'x', Buffer.from('{"p":2,"a":"2025-03-01T02:00:00.000Z","i":"n"}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }))
    }
  })
})

describe('Chinese validation messages', () => {
  const schema = z.strictObject({ title: z.string(), tags: z.array(z.string()).min(1), n: z.number().max(3) })
  test.each([
    [{ tags: ['a'], n: 1 }, '缺少必填项「title」'],
    [{ title: 1, tags: ['a'], n: 1 }, '「title」的格式不正确'],
    [{ title: 't', tags: [], n: 1 }, '「tags」至少需要一项'],
    [{ title: 't', tags: ['a'], n: 9 }, '「n」超出了允许的范围'],
    [{ title: 't', tags: ['a'], n: 1, x: 1 }, '不支持的字段：x'],
  ])('%j → %s', (value, message) => {
    expect(schema.safeParse(value, { error: zhErrorMap }).error?.issues[0]?.message).toBe(message)
  })
})

describe('configFromEnv', () => {
  test('defaults and overrides', () => {
    expect(configFromEnv({})).toMatchObject({ port: 10086, dbFile: 'data/gongzhi.db', rateLimit: 600, wechat: null, secret: null })
    expect(configFromEnv({ GONGZHI_RATE_LIMIT: 'off' }).rateLimit).toBe('off')
    expect(configFromEnv({ GONGZHI_RATE_LIMIT: '3' }).rateLimit).toBe(3)
    expect(configFromEnv({}).rateLimit).toBe(600)
    expect(() => configFromEnv({ GONGZHI_RATE_LIMIT: 'lots' })).toThrow(/GONGZHI_RATE_LIMIT/)
    expect(() => configFromEnv({ GONGZHI_RATE_LIMIT: '0' })).toThrow(/GONGZHI_RATE_LIMIT/)
    expect(configFromEnv({ PORT: '8080' }).port).toBe(8080)
    expect(configFromEnv({ PORT: 'x' }).port).toBe(10086)
    expect(configFromEnv({ WECHAT_APPID: 'a', WECHAT_SECRET: 's' }).wechat).toEqual({ apiBase: 'https://api.weixin.qq.com', appid: 'a', secret: 's' })
  })

  test('GONGZHI_DB: a SQLite path, or a PostgreSQL URL with its pool size', () => {
    expect(configFromEnv({}).db).toEqual({ engine: 'sqlite', file: 'data/gongzhi.db' })
    expect(configFromEnv({ GONGZHI_DB: ' /srv/g.db ' })).toMatchObject({ db: { engine: 'sqlite', file: '/srv/g.db' }, dbFile: '/srv/g.db' })
    expect(configFromEnv({ GONGZHI_DB: 'postgres://g:pw@db:5432/gongzhi' }).db).toEqual({ engine: 'postgres', url: 'postgres://g:pw@db:5432/gongzhi', poolSize: 10 })
    expect(configFromEnv({ GONGZHI_DB: 'postgresql://db/g', GONGZHI_DB_POOL: '32' }).db).toEqual({ engine: 'postgres', url: 'postgresql://db/g', poolSize: 32 })
    expect(() => configFromEnv({ GONGZHI_DB: 'postgres://db/g', GONGZHI_DB_POOL: '0' })).toThrow(/GONGZHI_DB_POOL/)
    expect(() => configFromEnv({ GONGZHI_DB: 'postgres://[db/g' })).toThrow('GONGZHI_DB is not a valid PostgreSQL URL')
  })
})
