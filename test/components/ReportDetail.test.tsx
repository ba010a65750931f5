import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ReportView } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { ReportDetail } from '@/features/reports/ui/ReportDetail'
import { makeSession, typeInto } from '../support/fixtures'
import { makeReportView, makeStep } from '../support/residentReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadPhoto: jest.fn(), photoSrc: (u: string) => `https://api.test${u}` }))
const api = callApi as jest.MockedFunction<typeof callApi>

type Handler = (payload: Record<string, unknown>) => Promise<unknown>
function serve(report: ReportView, handlers: Record<string, Handler> = {}) {
  api.mockImplementation(((action: string, payload: Record<string, unknown>) => {
    if (action === 'report.get') return Promise.resolve(report)
    const h = handlers[action]
    return h ? h(payload) : Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

async function renderDetail(report: ReportView, handlers: Record<string, Handler> = {}) {
  serve(report, handlers)
  const onEdit = jest.fn()
  render(<ReportDetail id={report.id} onEdit={onEdit} />)
  await screen.findByTestId('report-detail')
  return { onEdit }
}

beforeEach(() => setSession(makeSession()))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('ReportDetail', () => {
  it('shows the spot on a map (WeChat\'s on weapp, 高德 in a browser) and lets staff call the reporter', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null)
    const call = jest.spyOn(Taro, 'makePhoneCall').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
    await renderDetail(makeReportView('r-map', { reporterPhone: '13900000001' }))
    fireEvent.click(screen.getByTestId('report-map'))
    expect(open).toHaveBeenCalledWith(expect.stringContaining('https://uri.amap.com/marker?position=120.150000,30.270000'), '_blank', 'noopener')
    expect(open.mock.calls[0]![0]).toContain('coordinate=gaode')
    fireEvent.click(screen.getByTestId('report-call'))
    expect(call).toHaveBeenCalledWith({ phoneNumber: '13900000001' })

    const before = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    const openLocation = jest.spyOn(Taro, 'openLocation').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
    try {
      fireEvent.click(screen.getByTestId('report-map'))
      expect(openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 30.27, longitude: 120.15, address: '枫桥社区 3 号楼东侧' }))
    } finally {
      process.env.TARO_ENV = before
    }
  })

  it('without a location or a phone there is nothing to tap', async () => {
    await renderDetail(makeReportView('r-nomap', { location: null }))
    expect(screen.queryByTestId('report-map')).toBeNull()
    expect(screen.queryByTestId('report-call')).toBeNull()
    expect(screen.getByText('未标注位置')).toBeTruthy()
  })

  it('shows status with its deadline (逾期 in words), the text, photos to preview, and the whole timeline', async () => {
    const preview = jest.spyOn(Taro, 'previewImage').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
    const report = makeReportView('r-1', {
      status: 'accepted',
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
      overdue: true,
      photos: [
        { id: 'f-1', url: '/files/f-1' },
        { id: 'f-2', url: '/files/f-2' },
      ],
      timeline: [
        makeStep('e1'),
        makeStep('e2', { action: 'accept', actor: '网格员 李明', status: 'accepted' }),
        makeStep('e3', { action: 'note', actor: '网格员 李明', note: '已联系电工，明天上午来修', photos: [{ id: 'f-9', url: '/files/f-9' }], status: 'accepted' }),
        makeStep('e4', { action: 'escalate', actor: '网格员 李明', note: '需要社区协调', level: 'community' }),
      ],
    })
    await renderDetail(report)

    expect(screen.getByTestId('deadline-status').textContent).toBe('处理中')
    expect(screen.getByTestId('deadline-due').textContent).toContain('办结期限')
    expect(screen.getByTestId('deadline-due').textContent).toContain('已逾期')
    expect(screen.getByTestId('report-description').textContent).toBe(report.description)
    expect(screen.getByTestId('report-reporter').textContent).toBe('王*兰')

    const steps = screen.getAllByTestId('timeline-step')
    expect(steps).toHaveLength(4)
    expect(screen.getAllByTestId('timeline-what').map((n) => n.textContent)).toEqual(['提交上报', '受理', '处理进展', '上报到社区'])
    expect(steps[2].textContent).toContain('网格员 李明')
    expect(steps[2].textContent).toContain('已联系电工，明天上午来修')
    expect(steps[2].querySelectorAll('.gz-timeline__photo')).toHaveLength(1)

    fireEvent.click(screen.getByTestId('report-photo-1'))
    expect(preview).toHaveBeenCalledWith({ current: 'https://api.test/files/f-2', urls: ['https://api.test/files/f-1', 'https://api.test/files/f-2'] })
  })

  it('shows the reporter only the actions `can` allows', async () => {
    const { onEdit } = await renderDetail(makeReportView('r-1', { can: ['edit', 'withdraw'] }))
    expect(screen.getByTestId('report-edit')).toBeTruthy()
    expect(screen.getByTestId('report-withdraw')).toBeTruthy()
    expect(screen.getByTestId('report-anonymise')).toBeTruthy()
    expect(screen.queryByTestId('rate-card')).toBeNull()
    expect(screen.queryByTestId('reopen-card')).toBeNull()
    expect(screen.queryByTestId('report-support')).toBeNull()
    fireEvent.click(screen.getByTestId('report-edit'))
    expect(onEdit).toHaveBeenCalledWith('r-1')
  })

  it('an accepted, anonymous report of mine offers no reporter action; a neighbour sees 我也遇到', async () => {
    await renderDetail(makeReportView('r-1', { status: 'accepted', anonymous: true, reporterName: '居民', can: [] }))
    expect(screen.queryByTestId('reporter-actions')).toBeNull()
    expect(screen.queryByTestId('report-support')).toBeNull()
  })

  it('我也遇到 adds support and shows the new count', async () => {
    const report = makeReportView('r-2', { mine: false, supporters: 2, can: ['support'] })
    await renderDetail(report, { 'report.support': () => Promise.resolve({ supporters: 3 }) })
    expect(screen.getByTestId('report-supporters').textContent).toContain('2 位居民也遇到')
    fireEvent.click(screen.getByTestId('report-support'))
    await waitFor(() => expect(screen.getByTestId('report-supporters').textContent).toContain('3 位居民也遇到（含您）'))
    expect(screen.queryByTestId('report-support')).toBeNull()
    expect(calls('report.support')[0][1]).toEqual({ id: 'r-2' })
    expect(calls('report.support')[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('撤回 asks first; only 确定撤回 sends it, and the view follows the reply', async () => {
    const report = makeReportView('r-1', { can: ['edit', 'withdraw'] })
    await renderDetail(report, {
      'report.transition': () => Promise.resolve({ ...report, status: 'withdrawn', dueAt: null, can: [] }),
    })
    fireEvent.click(screen.getByTestId('report-withdraw'))
    expect(await screen.findByTestId('withdraw-dialog')).toBeTruthy()
    fireEvent.click(screen.getByTestId('withdraw-cancel'))
    expect(calls('report.transition')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('report-withdraw'))
    fireEvent.click(await screen.findByTestId('withdraw-confirm'))
    await waitFor(() => expect(screen.getByTestId('deadline-status').textContent).toBe('已撤回'))
    expect(calls('report.transition')[0][1]).toEqual({ id: 'r-1', action: 'withdraw' })
    expect(calls('report.transition')[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('a refused withdraw says why inside the dialog', async () => {
    await renderDetail(makeReportView('r-1', { can: ['withdraw'] }), {
      'report.transition': () => Promise.reject(new ApiError('CONFLICT', '问题当前处理中，不能撤回')),
    })
    fireEvent.click(screen.getByTestId('report-withdraw'))
    fireEvent.click(await screen.findByTestId('withdraw-confirm'))
    expect((await screen.findByTestId('withdraw-error')).textContent).toBe('问题当前处理中，不能撤回')
  })

  it('改为匿名 sends anonymous: true', async () => {
    const report = makeReportView('r-1', { status: 'accepted', can: [] })
    await renderDetail(report, { 'report.edit': () => Promise.resolve({ ...report, anonymous: true }) })
    fireEvent.click(screen.getByTestId('report-anonymise'))
    await waitFor(() => expect(screen.queryByTestId('report-anonymise')).toBeNull())
    expect(calls('report.edit')[0][1]).toEqual({ id: 'r-1', anonymous: true })
    expect(calls('report.edit')[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  })

  it('评价: stars are required; the score and comment go with report.rate; a retry after a lost reply re-sends the same requestId', async () => {
    const report = makeReportView('r-1', { status: 'resolved', resolvedAt: new Date().toISOString(), dueAt: null, can: ['rate', 'reopen'] })
    let lost = true
    await renderDetail(report, {
      'report.rate': (p) => lost ? ((lost = false), Promise.reject(new ApiError('NETWORK'))) : Promise.resolve({ ...report, status: 'closed', can: [], rating: { score: p.score as number, comment: (p.comment as string) ?? null, at: new Date().toISOString() } }),
    })
    fireEvent.click(screen.getByTestId('rate-submit'))
    expect((await screen.findByTestId('rate-error')).textContent).toBe('请先点星星打分')
    expect(calls('report.rate')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('star-4'))
    expect(screen.getByTestId('rating-word').textContent).toBe('4 星 · 满意')
    typeInto(screen.getByTestId('rate-comment'), '  修得很快  ')
    fireEvent.click(screen.getByTestId('rate-submit'))
    expect((await screen.findByTestId('rate-error')).textContent).toBe('网络不好，请稍后重试')
    fireEvent.click(screen.getByTestId('rate-submit'))
    await screen.findByTestId('report-rating')
    expect(calls('report.rate').map((c) => c[1])).toEqual([{ id: 'r-1', score: 4, comment: '修得很快' }, { id: 'r-1', score: 4, comment: '修得很快' }])
    expect(calls('report.rate')[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(calls('report.rate')[1][2]?.requestId).toBe(calls('report.rate')[0][2]?.requestId)
    expect(screen.queryByTestId('rate-card')).toBeNull()
    expect(screen.queryByTestId('reopen-card')).toBeNull()
  })

  it('重新打开 says until when, needs a reason, and sends it', async () => {
    const resolvedAt = new Date(2026, 10, 20, 10, 0).toISOString()
    jest.useFakeTimers({ now: new Date(2026, 10, 22, 9, 0), doNotFake: ['setTimeout', 'setInterval', 'queueMicrotask', 'nextTick', 'setImmediate'] })
    try {
      const report = makeReportView('r-1', { status: 'resolved', resolvedAt, dueAt: null, can: ['rate', 'reopen'] })
      await renderDetail(report, {
        'report.transition': () => Promise.resolve({ ...report, status: 'accepted', reopenCount: 1, can: [] }),
      })
      expect(screen.getByTestId('reopen-until').textContent).toContain('11月27日 10:00 前可以重新打开')
      fireEvent.click(screen.getByTestId('reopen-start'))
      fireEvent.click(screen.getByTestId('reopen-confirm'))
      expect((await screen.findByTestId('reopen-error')).textContent).toBe('请填写说明')
      expect(calls('report.transition')).toHaveLength(0)

      typeInto(screen.getByTestId('reopen-reason'), '路灯修好两天又不亮了')
      fireEvent.click(screen.getByTestId('reopen-confirm'))
      await waitFor(() => expect(screen.getByTestId('deadline-status').textContent).toBe('处理中'))
      expect(calls('report.transition')[0][1]).toEqual({ id: 'r-1', action: 'reopen', note: '路灯修好两天又不亮了' })
    } finally {
      jest.useRealTimers()
    }
  })

  it('a report that cannot be seen says so in words, with 重试', async () => {
    api.mockRejectedValue(new ApiError('NOT_FOUND'))
    render(<ReportDetail id='r-x' onEdit={jest.fn()} />)
    await act(async () => undefined)
    expect((await screen.findByTestId('report-error')).textContent).toContain('不存在，或您没有权限查看')
  })
})
