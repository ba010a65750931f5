/**
 * Concurrency of 党员干部联系户 (issue 17): assigns of one household at once end with one contact; a cadre near the
 * cap takes only what fits; one contact logged many times with one requestId is one row (worker processes, as in
 * residents.concurrency); a raise repeated with one requestId is one report. In-process calls run concurrently on
 * PostgreSQL's pool; on SQLite they run one after another on the connection, the processes race across it.
 */
import { MAX_HOUSEHOLDS_PER_CADRE } from '@/domain/contacts'
import { makeHarness, NOW, type Harness } from './support/harness'
import { COMMITTEE } from './support/demoUsers'
import { race } from './support/race'

jest.setTimeout(120_000)

const DEMO_CADRE = 'u_volunteer_jj1'
const OTHER_CADRE = 'u_resident_jj2'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
  await h.ok('contact.setCadre', { userId: OTHER_CADRE, title: 'buildingHead', publishPhone: false }, COMMITTEE)
})
afterEach(() => h.close())

/** Every cadre's counter equals their assignments. */
async function countersHold(): Promise<void> {
  const rows = (await h.sql.all(`SELECT c.user_id, c.households, (SELECT count(*) FROM contact_assignments a WHERE a.cadre_id = c.user_id) AS n
     FROM cadres c ORDER BY c.user_id`)) as { user_id: string; households: number; n: number }[]
  for (const r of rows) expect({ cadre: r.user_id, counter: Number(r.households) }).toEqual({ cadre: r.user_id, counter: Number(r.n) })
}

test('two committee members assign one household to two cadres at once (10 rounds) → one contact, counters exact', async () => {
  const second = await h.devLogin({ role: 'committee', communityId: 'c_jinjiang' })
  for (let i = 5; i <= 10; i++) {
    const householdId = `h_jj_1_${String(i).padStart(2, '0')}`
    const replies = await Promise.all([
      ...Array.from({ length: 4 }, () => h.call('contact.assign', { householdId, cadreId: DEMO_CADRE }, COMMITTEE)),
      ...Array.from({ length: 4 }, () => h.call('contact.assign', { householdId, cadreId: OTHER_CADRE }, second)),
    ])
    expect(replies.every((r) => r.ok)).toBe(true)
    const rows = (await h.sql.all('SELECT cadre_id FROM contact_assignments WHERE household_id = ?', [householdId])) as { cadre_id: string }[]
    expect(rows).toHaveLength(1)
  }
  await countersHold()
})

test(`a cadre with ${MAX_HOUSEHOLDS_PER_CADRE - 2} households: 10 assigns at once → 2 assigned, 8 refused`, async () => {
  for (let i = 0; i < 12; i++) {
    await h.sql.run("INSERT INTO households (id, grid_id, building, unit, room, head_name, building_key, unit_key, room_key) VALUES (?, 'g_jj_2', '8栋', '', ?, '测试户', '8', '', ?)", [`h_cap_${i}`, `${i}`, `${i}`])
  }
  for (let i = 0; i < MAX_HOUSEHOLDS_PER_CADRE - 2; i++) {
    await h.sql.run("INSERT INTO households (id, grid_id, building, unit, room, head_name, building_key, unit_key, room_key) VALUES (?, 'g_jj_3', '9栋', '', ?, '满额户', '9', '', ?)", [`h_full_${i}`, `${i}`, `${i}`])
    await h.ok('contact.assign', { householdId: `h_full_${i}`, cadreId: OTHER_CADRE }, COMMITTEE)
  }
  const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => h.call('contact.assign', { householdId: `h_cap_${i}`, cadreId: OTHER_CADRE }, COMMITTEE)))
  expect(replies.filter((r) => r.ok)).toHaveLength(2)
  expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual(Array(8).fill('CONFLICT'))
  expect(Number(await h.sql.value(`SELECT count(*) FROM contact_assignments WHERE cadre_id = '${OTHER_CADRE}'`))).toBe(MAX_HOUSEHOLDS_PER_CADRE)
  await countersHold()
})

test('one contact logged 20 times at once with one requestId (4 processes × 5) → one row, one reply', async () => {
  const at = new Date(Date.parse(NOW) - 600_000).toISOString()
  const replies = await race({
    location: h.location,
    action: 'contact.log',
    payload: { householdId: 'h_jj_1_03', kind: 'call', at, note: '电话问候' },
    userId: DEMO_CADRE,
    requestId: 'log-once',
    processes: 4,
    perProcess: 5,
  })
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(new Set(replies.map((r) => (r.ok ? (r.data as { id: string }).id : '')))).toHaveProperty('size', 1)
  expect(Number(await h.sql.value("SELECT count(*) FROM contact_logs WHERE household_id = 'h_jj_1_03'"))).toBe(1)
})

test('代为上报 repeated at once with one requestId (10 calls) → one report', async () => {
  const before = await h.counts()
  const payload = { householdId: 'h_jj_1_04', category: 'environment', description: '楼下垃圾堆了三天没人清理' }
  const replies = await Promise.all(Array.from({ length: 10 }, () => h.call('contact.raise', payload, DEMO_CADRE, 'raise-once')))
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(new Set(replies.map((r) => (r.ok ? (r.data as { reportId: string }).reportId : '')))).toHaveProperty('size', 1)
  expect((await h.counts()).reports).toBe(before.reports + 1)
  expect(Number(await h.sql.value("SELECT count(*) FROM reports WHERE on_behalf_of_household = 'h_jj_1_04'"))).toBe(1)
})
