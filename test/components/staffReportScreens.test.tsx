import { useState } from 'react'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { ReportFigures, ReportSummary } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { AreaScreen } from '@/features/reports/ui/AreaScreen'
import { DeadlinesScreen } from '@/features/reports/ui/DeadlinesScreen'
import { MediateScreen } from '@/features/reports/ui/MediateScreen'
import { QueueScreen, type QueueLevel } from '@/features/reports/ui/QueueScreen'
import { useReportCounts } from '@/features/reports/useReportCounts'
import { useDeadlines } from '@/features/reports/useDeadlines'
import { useMediate } from '@/features/reports/useMediate'
import {
  NO_FILTERS,
  useAreaReports,
  useReportQueue,
  type AreaFilters,
} from '@/features/reports/useReportQueue'
import { useReportSummary } from '@/features/reports/useReportSummary'
import { areaUnitOf, dueText } from '@/features/reports/staffFormat'
import { GRIDS, typeInto } from '../support/fixtures'
import { staffSummary, staffView, summaryCounts } from '../support/staffReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

afterEach(() => {
  api.mockReset()
})

const HOUR = 3600_000

function Queue({ onOpen, level = 'grid' }: { onOpen: (id: string) => void; level?: QueueLevel }) {
  const list = useReportQueue()
  const figures = useReportCounts('u-1')
  return <QueueScreen list={list} figures={figures} level={level} levelText='第一网格' onOpen={onOpen} />
}

/** report.list answers with `page`, report.counts with `queue`. */
function serveQueue(page: Promise<unknown>, queue: ReportFigures['queue'] = { total: 0, submitted: 0, accepted: 0, overdue: 0 }) {
  api.mockImplementation(((action: string) => {
    if (action === 'report.counts') return Promise.resolve({ mine: { total: 0, open: 0 }, queue })
    if (action === 'report.list') return page
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

describe('待办问题 queue', () => {
  const items: ReportSummary[] = [
    // the server orders by deadline; the screen keeps that order even when the fields would sort otherwise
    staffSummary('late', {
      dueAt: new Date(Date.now() - 50 * HOUR).toISOString(),
      overdue: true,
      status: 'accepted',
    }),
    staffSummary('soon', { dueAt: new Date(Date.now() + 2 * HOUR).toISOString() }),
    staffSummary('later', {
      dueAt: new Date(Date.now() + 1 * HOUR).toISOString(),
      status: 'accepted',
      level: 'community',
    }),
  ]

  it('asks for scope queue, keeps the server order, marks overdue in red with how long; the figures are report.counts\' queue', async () => {
    serveQueue(Promise.resolve({ items, nextCursor: null }), { total: 3, submitted: 1, accepted: 2, overdue: 1 })
    const onOpen = jest.fn()
    render(<Queue onOpen={onOpen} />)
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(3))
    expect(api).toHaveBeenCalledWith('report.list', { scope: 'queue', limit: 50 })
    expect(screen.getAllByTestId('report-row').map((r) => r.getAttribute('data-id'))).toEqual([
      'late',
      'soon',
      'later',
    ])
    const [late, soon] = screen.getAllByTestId('report-row')
    expect(late.className).toContain('staff-row--overdue')
    expect(late.querySelector('[data-testid="row-overdue"]')?.textContent).toBe('已逾期')
    expect(late.querySelector('[data-testid="row-due"]')?.textContent).toContain('已逾期 2 天 2 小时')
    expect(late.querySelector('[data-testid="row-due"]')?.textContent).toContain('办结期限')
    expect(soon.className).not.toContain('staff-row--overdue')
    expect(soon.querySelector('[data-testid="row-due"]')?.textContent).toContain('还剩 1 小时')
    expect(soon.querySelector('[data-testid="row-due"]')?.textContent).toContain('受理期限')
    await waitFor(() => expect(screen.getByTestId('count-submitted').textContent).toBe('1'))
    expect(screen.getByTestId('count-accepted').textContent).toBe('2')
    expect(screen.getByTestId('count-overdue').textContent).toBe('1')
    expect(screen.getByText('已上报社区')).toBeTruthy()
    fireEvent.click(late)
    expect(onOpen).toHaveBeenCalledWith('late')
  })

  it('the figures count the whole queue, not the page loaded so far', async () => {
    serveQueue(Promise.resolve({ items: items.slice(0, 1), nextCursor: 'c2' }), { total: 120, submitted: 70, accepted: 50, overdue: 9 })
    render(<Queue onOpen={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('count-accepted').textContent).toBe('50'))
    expect(screen.getByTestId('count-submitted').textContent).toBe('70')
    expect(screen.getByTestId('count-overdue').textContent).toBe('9')
  })

  it.each([
    ['grid', '没有待办的问题', '居民在您负责的网格上报的新问题'],
    ['community', '没有待社区办理的问题', '网格员上报到社区的问题'],
    ['street', '没有待街道办理的问题', '社区上报到街道的问题'],
    ['district', '没有待区综治中心办理的问题', '街道上报到区综治中心的问题'],
    ['city', '没有待市综治中心办理的问题', '各区上报到市综治中心的问题'],
  ] as const)('empty, %s level: says what reaches this queue', async (level, text, hint) => {
    serveQueue(Promise.resolve({ items: [], nextCursor: null }))
    render(<Queue onOpen={jest.fn()} level={level} />)
    const empty = await screen.findByTestId('list-empty')
    expect(empty.textContent).toContain(text)
    expect(empty.textContent).toContain(hint)
    if (level !== 'grid') expect(empty.textContent).not.toContain('居民上报的新问题')
  })

  it('a failed queue says why', async () => {
    serveQueue(Promise.reject(new ApiError('FORBIDDEN', '只有工作人员可以查看')))
    render(<Queue onOpen={jest.fn()} />)
    await waitFor(() =>
      expect(screen.getByTestId('list-error').textContent).toContain('只有工作人员可以查看'),
    )
  })

  it('dueText: minutes, hours, days', () => {
    const now = new Date('2026-11-25T10:00:00Z')
    expect(dueText('2026-11-25T09:30:00Z', true, now)).toBe('已逾期 30 分钟')
    expect(dueText('2026-11-22T07:00:00Z', true, now)).toBe('已逾期 3 天 3 小时')
    expect(dueText('2026-11-27T10:00:00Z', false, now)).toBe('还剩 2 天')
    expect(dueText(null, false, now)).toBeNull()
  })
})

function Area({ grids = GRIDS, areaUnit = null }: { grids?: { id: string; name: string }[]; areaUnit?: string | null }) {
  const [filters, setFilters] = useState<AreaFilters>(NO_FILTERS)
  const summary = useReportSummary('')
  const list = useAreaReports(filters)
  return (
    <AreaScreen
      summary={summary}
      list={list}
      filters={filters}
      onFilters={setFilters}
      grids={grids}
      areaUnit={areaUnit}
      onOpen={jest.fn()}
    />
  )
}

describe('问题总览 area', () => {
  function serveArea() {
    api.mockImplementation(((action: string) => {
      if (action === 'report.summary') return Promise.resolve(summaryCounts())
      if (action === 'report.list')
        return Promise.resolve({
          items: [
            staffSummary('a1', {
              overdue: true,
              status: 'accepted',
              dueAt: new Date(Date.now() - HOUR).toISOString(),
            }),
            staffSummary('a2'),
          ],
          nextCursor: null,
        })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
  }

  it('summary: totals, overdue, 矛盾不上交率 and bars by status, category and grid', async () => {
    serveArea()
    render(<Area />)
    await waitFor(() => expect(screen.getByTestId('area-summary')).toBeTruthy())
    expect(screen.getByTestId('summary-total').textContent).toBe('10')
    expect(screen.getByTestId('summary-overdue').textContent).toBe('2')
    expect(screen.getByTestId('summary-share').textContent).toBe('75%')
    expect(screen.getByTestId('summary-share-text').textContent).toContain('其中 3 件在网格或社区化解')
    expect(screen.getByTestId('bar-status-accepted').textContent).toContain('4/10 件')
    expect(
      screen
        .getByTestId('bar-status-accepted')
        .querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuenow'),
    ).toBe('40')
    expect(screen.queryByTestId('bar-status-rejected')).toBeNull()
    expect(screen.getByTestId('bar-category-dispute').textContent).toContain('矛盾纠纷')
    expect(screen.getByTestId('bar-grid-g-1').textContent).toContain('第一网格（未办结 5，逾期 2）')
    expect(screen.getByTestId('bar-grid-g-1').textContent).toContain('7/10 件')
    // overdue rows lead to 督办 on the detail page
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(2))
    expect(screen.getAllByTestId('row-supervise')).toHaveLength(1)
  })

  it('filters change the report.list request (scope area)', async () => {
    serveArea()
    render(<Area />)
    await waitFor(() => expect(screen.getAllByTestId('report-row')).toHaveLength(2))
    expect(api).toHaveBeenCalledWith('report.list', { scope: 'area', limit: 50 })

    expect(screen.getByTestId('filter-toggle').textContent).toContain('全部状态 · 全部网格 · 全部类别')
    fireEvent.click(screen.getByTestId('filter-toggle'))
    await act(async () => fireEvent.click(screen.getByTestId('filter-status-submitted')))
    expect(api).toHaveBeenLastCalledWith('report.list', { scope: 'area', status: 'submitted', limit: 50 })
    await act(async () => fireEvent.click(screen.getByTestId('filter-grid-g-2')))
    await act(async () => fireEvent.click(screen.getByTestId('filter-category-dispute')))
    await act(async () => fireEvent.click(screen.getByTestId('filter-overdue')))
    expect(api).toHaveBeenLastCalledWith('report.list', {
      scope: 'area',
      status: 'submitted',
      gridId: 'g-2',
      category: 'dispute',
      overdue: true,
      limit: 50,
    })
    await act(async () => fireEvent.click(screen.getByTestId('filter-status-all')))
    expect(api).toHaveBeenLastCalledWith('report.list', {
      scope: 'area',
      gridId: 'g-2',
      category: 'dispute',
      overdue: true,
      limit: 50,
    })
    // the summary is the whole area: fetched once
    expect(api.mock.calls.filter((c) => c[0] === 'report.summary')).toHaveLength(1)
  })

  it.each([
    ['district', '街道', [{ id: 's-1', name: '振兴街道', total: 7, open: 5, overdue: 2 }, { id: 's-2', name: '城关街道', total: 3, open: 0, overdue: 0 }]],
    ['city', '区', [{ id: 'd-1', name: '滨江区', total: 10, open: 5, overdue: 2 }]],
  ] as const)('%s: bars 按%s from byArea like 按网格 (figures only: the list has no such filter); no grid filter', async (_tier, unit, byArea) => {
    api.mockImplementation(((action: string) =>
      action === 'report.summary'
        ? Promise.resolve(summaryCounts({ byGrid: [], byArea: [...byArea] }))
        : Promise.resolve({ items: [], nextCursor: null })) as typeof callApi)
    render(<Area grids={[]} areaUnit={unit} />)
    await waitFor(() => expect(screen.getByTestId('area-summary')).toBeTruthy())
    expect(screen.getByText(`按${unit}`)).toBeTruthy()
    expect(screen.queryByText('按网格')).toBeNull()
    const first = screen.getByTestId(`bar-area-${byArea[0].id}`)
    expect(first.textContent).toContain(`${byArea[0].name}（未办结 5，逾期 2）`)
    expect(first.textContent).toContain(`${byArea[0].total}/10 件`)
    if (byArea.length > 1) expect(screen.getByTestId('bar-area-s-2').textContent).toContain('城关街道（未办结 0）')
    expect(screen.getByTestId('filter-toggle').textContent).toContain('按状态、类别筛选')
    expect(screen.getByTestId('filter-toggle').textContent).toContain('全部状态 · 全部类别')
    fireEvent.click(screen.getByTestId('filter-toggle'))
    expect(screen.queryByTestId(/^filter-grid-/)).toBeNull()
  })

  it('areaUnitOf: a district counts by 街道, the city by 区; a street and a community by grid', () => {
    expect(areaUnitOf(['district'])).toBe('街道')
    expect(areaUnitOf(['city'])).toBe('区')
    expect(areaUnitOf(['street'])).toBeNull()
    expect(areaUnitOf(['committee'])).toBeNull()
  })

  it('no share before any dispute is settled', async () => {
    api.mockImplementation(((action: string) =>
      action === 'report.summary'
        ? Promise.resolve(summaryCounts({ disputes: { settled: 0, settledLocally: 0, share: null } }))
        : Promise.resolve({ items: [], nextCursor: null })) as typeof callApi)
    render(<Area />)
    await waitFor(() => expect(screen.getByTestId('summary-share').textContent).toBe('—'))
    expect(screen.getByTestId('summary-share-text').textContent).toBe('还没有化解的矛盾纠纷。')
  })
})

function Mediate({ onDone }: { onDone: jest.Mock }) {
  const m = useMediate('r7')
  return <MediateScreen m={m} onDone={onDone} />
}

describe('记录调解 form', () => {
  const dispute = staffView('r7', {
    category: 'dispute',
    status: 'accepted',
    can: ['note', 'resolve', 'escalate', 'mediate'],
  })

  function serveMediate(reply?: () => Promise<unknown>) {
    api.mockImplementation(((action: string) => {
      if (action === 'report.get') return Promise.resolve(dispute)
      if (action === 'report.mediate' && reply) return reply()
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as typeof callApi)
  }

  async function fillParties() {
    typeInto(screen.getByTestId('party-0-name'), '张三')
    typeInto(screen.getByTestId('party-0-role'), '3栋201')
    typeInto(screen.getByTestId('party-1-name'), '李四')
  }

  it('kind and two parties are required; 调解成功 needs the agreement; nothing sent', async () => {
    serveMediate()
    render(<Mediate onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('mediate-save')).toBeTruthy())
    await act(async () => fireEvent.click(screen.getByTestId('mediate-save')))
    expect(screen.getByTestId('field-error-kind').textContent).toBe('请选择调解方式')
    expect(screen.getByTestId('field-error-parties').textContent).toBe('请填写至少两方当事人')

    fireEvent.click(screen.getByTestId('mediate-kind-people'))
    await fillParties()
    fireEvent.click(screen.getByTestId('mediate-outcome-agreed'))
    await act(async () => fireEvent.click(screen.getByTestId('mediate-save')))
    expect(screen.getByTestId('field-error-agreement').textContent).toBe('调解成功请填写协议内容')
    expect(api.mock.calls.some((c) => c[0] === 'report.mediate')).toBe(false)
  })

  it('parties: add a third, remove it again (never fewer than two rows)', async () => {
    serveMediate()
    render(<Mediate onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('party-add')).toBeTruthy())
    expect(screen.queryByTestId('party-0-remove')).toBeNull()
    fireEvent.click(screen.getByTestId('party-add'))
    expect(screen.getByTestId('party-2')).toBeTruthy()
    fireEvent.click(screen.getByTestId('party-2-remove'))
    expect(screen.queryByTestId('party-2')).toBeNull()
  })

  it('sends report.mediate with kind, parties, a session and the agreement', async () => {
    const saved = staffView('r7', {
      ...dispute,
      mediation: {
        kind: 'people',
        parties: [],
        sessions: [],
        outcome: 'agreed',
        agreement: 'x',
        updatedAt: '',
      },
    })
    serveMediate(() => Promise.resolve(saved))
    const onDone = jest.fn()
    render(<Mediate onDone={onDone} />)
    await waitFor(() => expect(screen.getByTestId('mediate-save')).toBeTruthy())
    fireEvent.click(screen.getByTestId('mediate-kind-people'))
    await fillParties()
    typeInto(screen.getByTestId('session-note'), '双方当面沟通，约定晚十点后不装修')
    fireEvent.click(screen.getByTestId('mediate-outcome-agreed'))
    typeInto(screen.getByTestId('agreement'), '张三晚十点后停止施工')
    await act(async () => fireEvent.click(screen.getByTestId('mediate-save')))
    const call = api.mock.calls.find((c) => c[0] === 'report.mediate')!
    expect(call[1]).toEqual({
      id: 'r7',
      kind: 'people',
      parties: [{ name: '张三', role: '3栋201' }, { name: '李四' }],
      session: {
        date: expect.stringMatching(/^20\d{2}-\d{2}-\d{2}$/),
        note: '双方当面沟通，约定晚十点后不装修',
      },
      outcome: 'agreed',
      agreement: '张三晚十点后停止施工',
    })
    expect(call[2]).toEqual({ requestId: expect.any(String) })
    expect(onDone).toHaveBeenCalledWith(saved, false)
  })

  it('未化解: saved, then 上报 is suggested', async () => {
    const saved = staffView('r7', {
      ...dispute,
      mediation: {
        kind: 'people',
        parties: [],
        sessions: [],
        outcome: 'failed',
        agreement: null,
        updatedAt: '',
      },
    })
    serveMediate(() => Promise.resolve(saved))
    const onDone = jest.fn()
    render(<Mediate onDone={onDone} />)
    await waitFor(() => expect(screen.getByTestId('mediate-save')).toBeTruthy())
    fireEvent.click(screen.getByTestId('mediate-kind-judicial'))
    await fillParties()
    fireEvent.click(screen.getByTestId('mediate-outcome-failed'))
    expect(screen.getByTestId('mediate-failed-hint')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByTestId('mediate-save')))
    expect(screen.getByTestId('mediate-suggest-escalate')).toBeTruthy()
    fireEvent.click(screen.getByTestId('mediate-escalate'))
    expect(onDone).toHaveBeenCalledWith(saved, true)
  })

  it('keeps a draft: reopened, the typed parties are back', async () => {
    serveMediate()
    const first = render(<Mediate onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('party-0-name')).toBeTruthy())
    typeInto(screen.getByTestId('party-0-name'), '张三')
    first.unmount()
    render(<Mediate onDone={jest.fn()} />)
    await waitFor(() => expect(screen.getByTestId('party-0-name').getAttribute('value')).toBe('张三'))
  })
})

function Deadlines() {
  const d = useDeadlines()
  return <DeadlinesScreen d={d} />
}

describe('办结时限设置', () => {
  const current = {
    days: { safety_hazard: 2, public_security: 3, environment: 4, facility: 5, livelihood: 5, other: 5, dispute: 10 },
  }

  it('shows each category with its default, checks the days, saves them', async () => {
    api.mockImplementation(((action: string, payload: { days: object }) => {
      if (action === 'report.deadlines') return Promise.resolve(current)
      if (action === 'report.setDeadlines')
        return Promise.resolve({ days: { ...current.days, ...payload.days } })
      return Promise.reject(new ApiError('NOT_FOUND'))
    }) as unknown as typeof callApi)
    render(<Deadlines />)
    await waitFor(() => expect(screen.getByTestId('deadline-environment')).toBeTruthy())
    expect(screen.getByTestId('deadline-environment').textContent).toContain('默认 5 个工作日')
    expect(screen.getByTestId('deadline-input-environment').getAttribute('value')).toBe('4')

    typeInto(screen.getByTestId('deadline-input-safety_hazard'), '0')
    typeInto(screen.getByTestId('deadline-input-dispute'), '')
    await act(async () => fireEvent.click(screen.getByTestId('deadlines-save')))
    expect(screen.getByTestId('deadline-error-safety_hazard').textContent).toBe('至少 1 个工作日')
    expect(screen.getByTestId('deadline-error-dispute').textContent).toBe('请填写天数')
    expect(api.mock.calls.some((c) => c[0] === 'report.setDeadlines')).toBe(false)

    typeInto(screen.getByTestId('deadline-input-safety_hazard'), '1')
    typeInto(screen.getByTestId('deadline-input-dispute'), '15')
    await act(async () => fireEvent.click(screen.getByTestId('deadlines-save')))
    expect(api).toHaveBeenCalledWith(
      'report.setDeadlines',
      { days: { ...current.days, safety_hazard: 1, dispute: 15 } },
      { requestId: expect.any(String) },
    )
    expect(screen.getByTestId('deadlines-saved')).toBeTruthy()
  })

  it('恢复默认 puts the defaults back in the form', async () => {
    api.mockResolvedValueOnce(current)
    render(<Deadlines />)
    await waitFor(() =>
      expect(screen.getByTestId('deadline-input-environment').getAttribute('value')).toBe('4'),
    )
    fireEvent.click(screen.getByTestId('deadlines-defaults'))
    expect(screen.getByTestId('deadline-input-environment').getAttribute('value')).toBe('5')
  })
})
