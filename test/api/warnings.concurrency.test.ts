/**
 * Warnings under real contention: worker processes with their own connections to the same store, released at once.
 * Sweeps racing on the seeded spike raise one warning and send one message; staff closing one warning at once →
 * one closes it, the others get CONFLICT; one assessment retried at once with one requestId is one assessment.
 */
import { makeHarness, NOW, type Harness } from './support/harness'
import { codes, race } from './support/race'
import { assessInput, COMMITTEE, racingSweeps, seededWarning, WORKER } from './support/warningFixtures'

jest.setTimeout(120_000)

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('two sweeps at once (two processes, three runs each) → one warning, one message', async () => {
  const raised = await racingSweeps(h.location, NOW, 2, 3)
  expect(raised).toHaveLength(1)
  expect(Number(await h.sql.value('SELECT count(*) FROM warnings'))).toBe(1)
  expect(Number(await h.sql.value("SELECT count(*) FROM messages WHERE title LIKE '预警%'"))).toBe(1)
})

test('the worker and the committee closing one warning at once → one wins, the others get CONFLICT', async () => {
  const id = await seededWarning(h)
  const replies = await race({ location: h.location, action: 'warning.assess', payload: assessInput(id, { close: true }), userId: [WORKER, COMMITTEE], processes: 2, perProcess: 3 })
  expect(codes(replies)).toEqual({ ok: 1, CONFLICT: 5 })
  for (const r of replies) if (!r.ok) expect(r.error.message).toBe('该预警已关闭（可能已被其他工作人员关闭），请刷新后查看')
  expect(Number(await h.sql.value('SELECT count(*) FROM warning_assessments WHERE warning_id = ?', [id]))).toBe(1)
  expect(await h.sql.value('SELECT status FROM warnings WHERE id = ?', [id])).toBe('closed')
})

test('one assessment sent 6 times at once with one requestId → one assessment, every answer the same', async () => {
  const id = await seededWarning(h)
  const replies = await race({ location: h.location, action: 'warning.assess', payload: assessInput(id), userId: WORKER, requestId: 'race-assess-0001', processes: 2, perProcess: 3 })
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(new Set(replies.map((r) => JSON.stringify(r.ok && r.data))).size).toBe(1)
  expect(Number(await h.sql.value('SELECT count(*) FROM warning_assessments WHERE warning_id = ?', [id]))).toBe(1)
})
