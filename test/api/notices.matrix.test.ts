/**
 * Authorization matrix for every notice action: who × action × community (DESIGN §5 "a test walks the
 * whole matrix"). The target notice is addressed to 锦江社区 第一网格 only. Every refusal must also leave
 * the database untouched.
 */
import { statusOf } from '@/domain/shared/errors'
import { makeHarness, type Harness } from './support/harness'
import { noticesContract } from '@/domain/notices/contract'

type Actor = 'residentIn' | 'residentOut' | 'volunteer' | 'gridWorker' | 'committee' | 'committeeOther' | 'street' | 'anonymous'

const USER: Record<Actor, string | null> = {
  residentIn: 'u_resident_jj1', // 锦江 第一网格
  residentOut: 'u_resident_jj2', // 锦江 第二网格: outside the scope
  volunteer: 'u_volunteer_jj1', // 锦江 第一网格
  gridWorker: 'u_worker_jj1', // responsible for 锦江 第一网格
  committee: 'u_committee_jj',
  committeeOther: 'u_committee_lj', // 临江村
  street: 'u_street', // 振兴街道, above both communities
  anonymous: null,
}

type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED'
type Action = 'publish' | 'get' | 'confirm' | 'stats' | 'unconfirmed' | 'withdraw'

// rows: actor; columns: action → expected outcome; `lists` = whether notice.list shows the notice
const MATRIX: Record<Actor, Record<Action, Outcome> & { lists: boolean | 'UNAUTHENTICATED' }> = {
  residentIn: { publish: 'FORBIDDEN', lists: true, get: 'ok', confirm: 'ok', stats: 'FORBIDDEN', unconfirmed: 'FORBIDDEN', withdraw: 'FORBIDDEN' },
  residentOut: { publish: 'FORBIDDEN', lists: false, get: 'NOT_FOUND', confirm: 'NOT_FOUND', stats: 'NOT_FOUND', unconfirmed: 'NOT_FOUND', withdraw: 'NOT_FOUND' },
  volunteer: { publish: 'FORBIDDEN', lists: true, get: 'ok', confirm: 'ok', stats: 'FORBIDDEN', unconfirmed: 'FORBIDDEN', withdraw: 'FORBIDDEN' },
  gridWorker: { publish: 'FORBIDDEN', lists: true, get: 'ok', confirm: 'FORBIDDEN', stats: 'FORBIDDEN', unconfirmed: 'FORBIDDEN', withdraw: 'FORBIDDEN' },
  committee: { publish: 'ok', lists: true, get: 'ok', confirm: 'FORBIDDEN', stats: 'ok', unconfirmed: 'ok', withdraw: 'ok' },
  committeeOther: { publish: 'FORBIDDEN', lists: false, get: 'NOT_FOUND', confirm: 'NOT_FOUND', stats: 'NOT_FOUND', unconfirmed: 'NOT_FOUND', withdraw: 'NOT_FOUND' },
  street: { publish: 'FORBIDDEN', lists: true, get: 'ok', confirm: 'FORBIDDEN', stats: 'ok', unconfirmed: 'ok', withdraw: 'FORBIDDEN' },
  anonymous: { publish: 'UNAUTHENTICATED', lists: 'UNAUTHENTICATED', get: 'UNAUTHENTICATED', confirm: 'UNAUTHENTICATED', stats: 'UNAUTHENTICATED', unconfirmed: 'UNAUTHENTICATED', withdraw: 'UNAUTHENTICATED' },
}

let h: Harness
beforeAll(async () => {
  h = await makeHarness()
})
afterAll(() => h.close())

let seq = 0
/** A fresh live notice for 锦江 第一网格, so that no cell depends on another. */
async function freshNotice(): Promise<string> {
  seq++
  const n = await h.ok<{ id: string }>(
    'notice.publish',
    { title: `矩阵测试 ${seq}`, body: '只发给第一网格', category: 'notice', gridIds: ['g_jj_1'], important: true },
    USER.committee,
  )
  return n.id
}

const rows = Object.entries(MATRIX) as [Actor, (typeof MATRIX)[Actor]][]

describe.each(rows)('%s', (actor, expected) => {
  const as = USER[actor]

  test(`notice.publish → ${expected.publish}`, async () => {
    const before = await h.counts()
    const r = await h.call('notice.publish', { title: '新通知', body: '正文', category: 'notice', gridIds: ['g_jj_1'] }, as)
    if (expected.publish === 'ok') {
      expect(r.ok).toBe(true)
      expect((await h.counts()).notices).toBe(before.notices + 1)
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: expected.publish } })
      expect(await h.counts()).toEqual(before)
    }
  })

  test(`notice.list shows it: ${String(expected.lists)}`, async () => {
    const id = await freshNotice()
    const r = await h.call<{ items: { id: string }[] }>('notice.list', { limit: 100 }, as)
    if (expected.lists === 'UNAUTHENTICATED') {
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
      return
    }
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    expect(r.data.items.some((n) => n.id === id)).toBe(expected.lists)
  })

  test.each(['get', 'confirm', 'stats', 'unconfirmed', 'withdraw'] as const)(`notice.%s`, async (action) => {
    const id = await freshNotice()
    const before = await h.counts()
    const r = await h.call(`notice.${action}`, { id }, as)
    const want = expected[action]
    if (want === 'ok') {
      expect(r.ok).toBe(true)
      return
    }
    expect(r).toMatchObject({ ok: false, error: { code: want } })
    if (!r.ok) {
      expect(statusOf(r.error.code)).toBeGreaterThanOrEqual(400)
      expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(await h.counts()).toEqual(before)
  })
})

describe('other communities stay apart', () => {
  test("a committee cannot address another community's grid", async () => {
    const before = await h.counts()
    const r = await h.call('notice.publish', { title: '越界', body: '正文', category: 'notice', gridIds: ['g_jj_1'] }, USER.committeeOther)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.counts()).toEqual(before)
  })

  test('a committee cannot address a grid that does not exist', async () => {
    const r = await h.call('notice.publish', { title: '越界', body: '正文', category: 'notice', gridIds: ['g_nowhere'] }, USER.committee)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  test("临江村's residents never see 锦江社区's whole-community notices", async () => {
    const n = await h.ok<{ id: string }>('notice.publish', { title: '全社区', body: '正文', category: 'notice' }, USER.committee)
    const page = await h.ok<{ items: { id: string }[] }>('notice.list', { limit: 100 }, 'u_resident_lj1')
    expect(page.items.map((i) => i.id)).not.toContain(n.id)
    expect(await h.call('notice.get', { id: n.id }, 'u_resident_lj1')).toMatchObject({ error: { code: 'NOT_FOUND' } })
  })

  test('a grid worker sees notices of every grid they look after', async () => {
    const n = await h.ok<{ id: string }>('notice.publish', { title: '第三网格', body: '正文', category: 'notice', gridIds: ['g_jj_3'] }, USER.committee)
    const worker2 = await h.ok<{ items: { id: string }[] }>('notice.list', { limit: 100 }, 'u_worker_jj2')
    const worker1 = await h.ok<{ items: { id: string }[] }>('notice.list', { limit: 100 }, 'u_worker_jj1')
    expect(worker2.items.map((i) => i.id)).toContain(n.id)
    expect(worker1.items.map((i) => i.id)).not.toContain(n.id)
  })

  test('a token of a user that no longer exists is UNAUTHENTICATED for every notice action', async () => {
    for (const action of Object.keys(noticesContract)) {
      const r = await h.call(action, { id: 'n_water_cut' }, 'u_gone')
      expect(r).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    }
  })
})
