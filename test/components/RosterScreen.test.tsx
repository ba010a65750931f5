import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft, saveDraft } from '@/services/drafts'
import { RosterScreen } from '@/features/residents/ui/RosterScreen'
import { ROSTER_DRAFT_KEY } from '@/features/residents/useRosterImport'
import { typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const CSV = '网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话\n第一网格,3栋,2,301,王秀兰,2,13812345678\n第九网格,1栋,,101,赵六,1,'

afterEach(() => api.mockReset())

const importCalls = () => api.mock.calls.filter((c) => c[0] === 'household.import')

describe('RosterScreen (花名册导入)', () => {
  it('sends the pasted text as csv and shows the counts and every rejected line', async () => {
    api.mockResolvedValue({
      added: 1,
      updated: 2,
      unchanged: 3,
      rejected: [
        { line: 3, reason: '网格「第九网格」不存在' },
        { line: 12, reason: '成年人数必须是 0 到 50 之间的整数' },
      ],
    })
    render(<RosterScreen />)
    // sent as typed, not trimmed: the server's line numbers must be the person's line numbers
    typeInto(screen.getByTestId('roster-text'), CSV + '\n')
    fireEvent.click(screen.getByTestId('roster-submit'))

    const result = await screen.findByTestId('roster-result')
    expect(importCalls()).toHaveLength(1)
    expect(importCalls()[0][1]).toEqual({ csv: CSV + '\n' })
    expect(importCalls()[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(screen.getByTestId('roster-added').textContent).toBe('新增 1 户')
    expect(screen.getByTestId('roster-updated').textContent).toBe('更新 2 户')
    expect(screen.getByTestId('roster-unchanged').textContent).toBe('未变 3 户')
    expect(screen.getAllByTestId('roster-rejected').map((e) => e.textContent)).toEqual([
      '第 3 行：网格「第九网格」不存在',
      '第 12 行：成年人数必须是 0 到 50 之间的整数',
    ])
    expect(result.textContent).toContain('有 2 行没有导入')
  })

  it('keeps pasted roster text (the whole community’s names and phones) out of local storage, and clears an old draft on open', async () => {
    saveDraft(ROSTER_DRAFT_KEY, CSV)
    render(<RosterScreen />)
    await act(async () => undefined)
    expect(loadDraft(ROSTER_DRAFT_KEY)).toBeNull()
    expect(screen.getByTestId('roster-text').getAttribute('value') ?? '').toBe('')

    typeInto(screen.getByTestId('roster-text'), CSV)
    expect(loadDraft(ROSTER_DRAFT_KEY)).toBeNull()
    const stored = Object.keys(window.localStorage).map((k) => window.localStorage.getItem(k) ?? '')
    expect(stored.some((v) => v.includes('13812345678') || v.includes('王秀兰'))).toBe(false)
  })

  it('says so when every line went in', async () => {
    api.mockResolvedValue({ added: 2, updated: 0, unchanged: 0, rejected: [] })
    render(<RosterScreen />)
    typeInto(screen.getByTestId('roster-text'), CSV)
    fireEvent.click(screen.getByTestId('roster-submit'))
    expect((await screen.findByTestId('roster-all-ok')).textContent).toContain('所有行都已导入')
    expect(screen.queryAllByTestId('roster-rejected')).toHaveLength(0)
  })

  it('shows a whole-file error as a banner with the server’s message, and no result', async () => {
    api.mockRejectedValue(new ApiError('INVALID_INPUT', '花名册缺少列「房号」，请按模板的表头填写'))
    render(<RosterScreen />)
    typeInto(screen.getByTestId('roster-text'), '网格,楼栋/组\n第一网格,3栋')
    fireEvent.click(screen.getByTestId('roster-submit'))
    const banner = await screen.findByTestId('roster-error')
    expect(banner.textContent).toContain('花名册缺少列「房号」，请按模板的表头填写')
    expect(banner.textContent).toContain('整份文件都没有导入')
    expect(screen.queryByTestId('roster-result')).toBeNull()
  })

  it('asks for a file or text before sending anything', async () => {
    render(<RosterScreen />)
    fireEvent.click(screen.getByTestId('roster-submit'))
    expect((await screen.findByTestId('roster-input-error')).textContent).toBe('花名册是空的')
    expect(importCalls()).toHaveLength(0)
  })

  it('reads a picked file as text and sends it', async () => {
    api.mockResolvedValue({ added: 2, updated: 0, unchanged: 0, rejected: [] })
    render(<RosterScreen />)
    const input = screen.getByTestId('roster-file') as HTMLInputElement
    expect(input.getAttribute('type')).toBe('file')
    expect(input.getAttribute('accept')).toBe('.csv,text/csv')
    const file = new File([CSV], '花名册.csv', { type: 'text/csv' })
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } })
    })
    expect((await screen.findByTestId('roster-picked')).textContent).toContain('花名册.csv（3 行，含表头）')
    fireEvent.click(screen.getByTestId('roster-submit'))
    await waitFor(() => expect(importCalls()).toHaveLength(1))
    expect(importCalls()[0][1]).toEqual({ csv: CSV })
  })

  it('shows the column template on request', async () => {
    render(<RosterScreen />)
    expect(screen.queryByTestId('roster-template')).toBeNull()
    fireEvent.click(screen.getByText('查看表格模板'))
    expect(screen.getByTestId('roster-template').textContent).toContain('网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话')
    fireEvent.click(screen.getByTestId('roster-use-template'))
    expect(screen.getByTestId('roster-text').getAttribute('value')).toBe('网格,楼栋/组,单元,房号,户主姓名,成年人数,联系电话\n')
  })

  it('shows progress while importing', async () => {
    api.mockReturnValue(new Promise(() => undefined))
    render(<RosterScreen />)
    typeInto(screen.getByTestId('roster-text'), CSV)
    fireEvent.click(screen.getByTestId('roster-submit'))
    expect(await screen.findByText('正在导入…')).toBeTruthy()
  })
})
