/** shift.list's order: soonest first (default) or most recent first, keyset pages in both, with from/to/mine. */
import type { ShiftListPage } from '@/domain/patrols'
import { makeHarness, NOW, type Harness } from './support/harness'
import { addVolunteers, createShift } from './support/shiftFixtures'

const HOUR = 3600_000
const DAY = 24 * HOUR
const at = (ms: number) => new Date(Date.parse(NOW) + ms).toISOString()

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

/** Every page of a listing, as [title, startAt] pairs. */
async function all(input: Record<string, unknown>, as: string, limit: number) {
  const out: string[] = []
  let cursor: string | null = null
  do {
    const page: ShiftListPage = await h.ok<ShiftListPage>('shift.list', { ...input, limit, ...(cursor ? { cursor } : {}) }, as)
    expect(page.items.length).toBeLessThanOrEqual(limit)
    out.push(...page.items.map((s) => s.title))
    cursor = page.nextCursor
  } while (cursor)
  return out
}

test('mine: upcoming soonest first and past most recent first, each paged to the end', async () => {
  const [v] = await addVolunteers(h, 1)
  // seven shifts a day apart (two on day 3 at the same time: the tie is broken by creation order), all signed up for
  const made: string[] = []
  for (const d of [1, 2, 3, 3, 4, 5, 6]) {
    const title = `第${made.length + 1}班`
    await createShift(h, { title, startAt: at(d * DAY), endAt: at(d * DAY + (made.length === 3 ? 3 : 2) * HOUR) })
    made.push(title)
  }
  const page = await h.ok<ShiftListPage>('shift.list', { mine: false, limit: 50 }, v!.id)
  for (const s of page.items.filter((x) => made.includes(x.title))) {
    if (s.title !== '第4班') await h.ok('shift.signup', { id: s.id }, v!.id)
  }
  h.clock.set(at(3 * DAY + 30 * 60_000)) // during 第3班 (第4班 overlaps it and was not signed up for)
  const now = h.clock.now().toISOString()
  expect(await all({ mine: true }, v!.id, 2)).toEqual(['第3班', '第5班', '第6班', '第7班'])
  expect(await all({ mine: true, order: 'asc' }, v!.id, 2)).toEqual(['第3班', '第5班', '第6班', '第7班'])
  expect(await all({ mine: true, from: at(0), to: now, order: 'desc' }, v!.id, 2)).toEqual(['第3班', '第2班', '第1班'])
  expect(await all({ mine: true, from: at(0), to: now, order: 'desc' }, v!.id, 1)).toEqual(['第3班', '第2班', '第1班'])
  // the whole community, most recent first, ties in reverse creation order
  expect(await all({ from: at(0), order: 'desc' }, v!.id, 3)).toEqual(
    expect.arrayContaining(['第7班', '第6班', '第5班', '第4班', '第3班', '第2班', '第1班']),
  )
  const desc = (await all({ from: at(0), order: 'desc' }, v!.id, 3)).filter((t) => made.includes(t))
  expect(desc).toEqual(['第7班', '第6班', '第5班', '第4班', '第3班', '第2班', '第1班'])
  const asc = (await all({ from: at(0), order: 'asc' }, v!.id, 3)).filter((t) => made.includes(t))
  expect(asc).toEqual(['第1班', '第2班', '第3班', '第4班', '第5班', '第6班', '第7班'])
})

test('a bad order is INVALID_INPUT in Chinese', async () => {
  const [v] = await addVolunteers(h, 1)
  expect(await h.call('shift.list', { order: 'newest' }, v!.id)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '排序只能是 asc 或 desc' } })
})
