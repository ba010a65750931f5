/**
 * 预测预警 through the dispatcher on the seeded demo: the seeded spike raises exactly one warning (a second sweep
 * none), it reaches 第一网格's worker as a message and on the 预警 list, the figures and reports behind it, 会商研判
 * recorded then closed once, and the committee's parameters (which change what the sweep raises).
 */
import type { WarningDetail, WarningPage, WarningRulesView } from '@/domain/warnings'
import { DEFAULT_PARAMS } from '@/domain/warnings'
import { makeHarness, NOW, type Harness } from './support/harness'
import { assessInput, COMMITTEE, seededWarning, SPIKE_IDS, sweep, WORKER, WORKER2 } from './support/warningFixtures'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(() => h.close())

test('the seeded spike raises exactly one warning, to 第一网格’s worker; a second sweep raises none', async () => {
  const first = await sweep(h)
  expect(first.raised).toEqual([{ id: expect.any(String), communityId: 'c_jinjiang', signal: 'spike', recipients: 1 }])
  expect((await sweep(h)).raised).toEqual([])
  expect(Number(await h.sql.value('SELECT count(*) FROM warnings'))).toBe(1)
  const msgs = await h.sql.all<{ title: string; body: string }>("SELECT title, body FROM messages WHERE user_id = ? AND title LIKE '预警%'", [WORKER])
  expect(msgs).toEqual([{ title: '预警：报事量异常升高', body: '第一网格「环境卫生」2月24日起一周报事 7 件，明显高于近期每周平均 1 件' }])
  expect(Number(await h.sql.value("SELECT count(*) FROM messages WHERE title LIKE '预警%'"))).toBe(1)
  // the message opens the warning
  const inbox = await h.ok<{ items: { title: string; target: { type: string; id: string } | null }[] }>('message.list', {}, WORKER)
  expect(inbox.items.find((m) => m.title.startsWith('预警'))?.target).toEqual({ type: 'warning', id: first.raised[0]!.id })
})

test('the warning on the list and its page: observed vs baseline, the reports it counts', async () => {
  const id = await seededWarning(h)
  const page = await h.ok<WarningPage>('warning.list', {}, WORKER)
  expect(page.items.map((w) => [w.id, w.status, w.gridName, w.category, w.observed, w.baseline, w.reportCount])).toEqual([[id, 'open', '第一网格', 'environment', 7, 1, 7]])
  expect((await h.ok<WarningPage>('warning.list', {}, COMMITTEE)).items).toHaveLength(1)
  expect((await h.ok<WarningPage>('warning.list', {}, WORKER2)).items).toEqual([])
  const d = await h.ok<WarningDetail>('warning.get', { id }, WORKER)
  expect(d).toMatchObject({ id, signal: 'spike', level: 'grid', period: '2025-02-24', observed: 7, baseline: 1, status: 'open', judgement: null, canAssess: true, assessments: [] })
  expect([...d.reportIds].sort()).toEqual([...SPIKE_IDS].sort())
  expect(d.pValue!).toBeLessThan(DEFAULT_PARAMS.alpha)
  expect(d.raisedAt).toBe(NOW)
})

test('会商研判: recorded (who, judgement, actions), then closed once; a retry replays; closing again is CONFLICT', async () => {
  const id = await seededWarning(h)
  const a = await h.ok<{ assessmentId: string; status: string }>('warning.assess', assessInput(id, { judgement: 'watch' }), WORKER, 'request-assess-0001')
  expect(a.status).toBe('open')
  expect(await h.ok('warning.assess', assessInput(id, { judgement: 'watch' }), WORKER, 'request-assess-0001')).toEqual(a)
  const closed = await h.ok<{ assessmentId: string; status: string }>('warning.assess', assessInput(id, { close: true, actions: [{ kind: 'visit', note: '走访了 4 栋住户' }] }), COMMITTEE)
  expect(closed.status).toBe('closed')
  const d = await h.ok<WarningDetail>('warning.get', { id }, WORKER)
  expect(d).toMatchObject({ status: 'closed', judgement: 'act', canAssess: false, closedAt: NOW })
  expect(d.assessments.map((x) => [x.assessorName, x.participants, x.judgement, x.actions.map((y) => y.kind), x.closed])).toEqual([
    ['孙丽', ['陈秀兰', '物业王经理'], 'watch', ['patrol', 'notice'], false],
    ['陈秀兰', ['陈秀兰', '物业王经理'], 'act', ['visit'], true],
  ])
  const again = await h.call('warning.assess', assessInput(id, { close: true }), WORKER)
  expect(again.ok ? 'ok' : again.error).toEqual({ code: 'CONFLICT', message: '该预警已关闭（可能已被其他工作人员关闭），请刷新后查看' })
  expect((await h.ok<WarningPage>('warning.list', { status: 'open' }, WORKER)).items).toEqual([])
  expect((await h.ok<WarningPage>('warning.list', { status: 'closed' }, WORKER)).items.map((w) => [w.id, w.judgement])).toEqual([[id, 'act']])
  expect(Number(await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'warning.assess'"))).toBe(2)
})

test('the list pages by cursor, newest first', async () => {
  await seededWarning(h)
  await h.sql.run(
    `INSERT INTO warnings (id, community_id, grid_id, level, signal, area_key, category, period, observed, baseline, p_value, report_ids, status, raised_at)
     VALUES ('w_more', 'c_jinjiang', 'g_jj_1', 'grid', 'dispute', 'report:r_demo_dispute', 'dispute', '', 2, NULL, NULL, '["r_demo_dispute"]', 'open', ?)`,
    [NOW],
  )
  const one = await h.ok<WarningPage>('warning.list', { limit: 1 }, WORKER)
  expect(one.items.map((w) => w.id)).toEqual(['w_more'])
  expect(one.items[0]!.summary).toBe('第一网格一起矛盾纠纷已重新打开或上报 2 次')
  const two = await h.ok<WarningPage>('warning.list', { limit: 1, cursor: one.nextCursor }, WORKER)
  expect(two.items).toHaveLength(1)
  expect(two.nextCursor).toBeNull()
})

test('the committee’s rule parameters: defaults, set within bounds, and the sweep follows them', async () => {
  const v = await h.ok<WarningRulesView>('warning.rules', {}, WORKER)
  expect(v).toMatchObject({ communityId: 'c_jinjiang', params: DEFAULT_PARAMS, custom: false, canEdit: false })
  const set = await h.ok<WarningRulesView>('warning.setRules', { ...DEFAULT_PARAMS, minCount: 10 }, COMMITTEE)
  expect(set).toMatchObject({ custom: true, canEdit: true, params: { ...DEFAULT_PARAMS, minCount: 10 } })
  expect((await h.ok<WarningRulesView>('warning.rules', {}, WORKER)).params.minCount).toBe(10)
  // 7 reports are under the committee's minimum of 10: no warning
  expect((await sweep(h)).raised).toEqual([])
  await h.ok('warning.setRules', DEFAULT_PARAMS, COMMITTEE)
  expect((await sweep(h)).raised).toHaveLength(1)
  expect(Number(await h.sql.value("SELECT count(*) FROM audit_log WHERE action = 'warning.setRules'"))).toBe(2)
})

test('the other signals through the sweep: a dispute reopened twice, one household reported three times', async () => {
  await sweep(h)
  await h.sql.run("UPDATE reports SET reopen_count = 2, updated_at = ? WHERE id = 'r_demo_dispute'", [NOW])
  for (const id of ['r_demo_spike_1', 'r_demo_spike_2', 'r_demo_spike_3']) await h.sql.run("UPDATE reports SET on_behalf_of_household = 'h_jj_1_01' WHERE id = ?", [id])
  const raised = (await sweep(h)).raised
  expect(raised.map((r) => r.signal).sort()).toEqual(['dispute', 'repeat'])
  const page = await h.ok<WarningPage>('warning.list', { status: 'open' }, WORKER)
  expect(page.items.map((w) => w.summary).sort()).toEqual(
    ['第一网格「环境卫生」2月24日起一周报事 7 件，明显高于近期每周平均 1 件', '第一网格一起矛盾纠纷已重新打开或上报 2 次', '第一网格同一户近期被反复反映 3 次'].sort(),
  )
  expect((await sweep(h)).raised).toEqual([])
})

test('patrol 发现隐患 clustering in one grid raises a warning to its worker', async () => {
  await sweep(h)
  const shift = String(await h.sql.value("SELECT id FROM shifts WHERE community_id = 'c_jinjiang' ORDER BY id LIMIT 1"))
  for (const [i, id] of ['r_demo_spike_4', 'r_demo_spike_5', 'r_demo_spike_6'].entries()) {
    await h.sql.run("INSERT INTO shift_logs (id, shift_id, user_id, note, report_id, at) VALUES (?, ?, 'u_volunteer_jj1', '巡逻发现', ?, ?)", [`l_${i}`, shift, id, NOW])
  }
  expect((await sweep(h)).raised).toEqual([{ id: expect.any(String), communityId: 'c_jinjiang', signal: 'patrolHazard', recipients: 1 }])
  const page = await h.ok<WarningPage>('warning.list', {}, WORKER)
  expect(page.items[0]!.summary).toBe('第一网格巡逻发现隐患近期集中 3 件')
})

test('问题总览’s figures: the last 30 days of the caller’s area, open and closed by conclusion; residents are refused', async () => {
  const empty = { days: 30, raised: 0, open: 0, closed: 0, byJudgement: { false_alarm: 0, watch: 0, act: 0 } }
  expect(await h.ok('warning.summary', {}, COMMITTEE)).toEqual(empty)
  const id = await seededWarning(h)
  expect(await h.ok('warning.summary', {}, COMMITTEE)).toEqual({ ...empty, raised: 1, open: 1 })
  expect(await h.ok('warning.summary', {}, WORKER)).toEqual({ ...empty, raised: 1, open: 1 })
  // 第二、三网格's worker: not theirs
  expect(await h.ok('warning.summary', {}, WORKER2)).toEqual(empty)
  await h.ok('warning.assess', assessInput(id, { judgement: 'watch', close: true }), WORKER)
  expect(await h.ok('warning.summary', {}, COMMITTEE)).toEqual({ ...empty, raised: 1, closed: 1, byJudgement: { false_alarm: 0, watch: 1, act: 0 } })
  expect(await h.call('warning.summary', {}, 'u_resident_jj1')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await h.call('warning.summary', {}, 'u_street')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: '请选择社区' } })
  expect(await h.ok('warning.summary', { communityId: 'c_jinjiang' }, 'u_street')).toMatchObject({ raised: 1, closed: 1 })
})
