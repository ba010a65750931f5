import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft } from '@/services/drafts'
import { setSession } from '@/services/session'
import { ApplyScreen } from '@/features/residents/ui/ApplyScreen'
import { applyDraftKey } from '@/features/residents/useResidentApply'
import type { ResidentApplicationView } from '@/domain/residents'
import { COMMUNITY, makeApplication, makeMe, makeSession, typeInto } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const me = makeMe({ id: 'u-new-1', name: '', verified: false, gridId: null, gridName: null, phone: null })

function serve({ mine = null, apply }: { mine?: ResidentApplicationView | null; apply?: () => Promise<unknown> }) {
  api.mockImplementation(((action: string) => {
    if (action === 'community.get') return Promise.resolve(COMMUNITY)
    if (action === 'resident.myApplication') return Promise.resolve(mine)
    if (action === 'resident.apply' && apply) return apply()
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

const applyCalls = () => api.mock.calls.filter((c) => c[0] === 'resident.apply')

async function renderApply(onBack = jest.fn()) {
  const view = render(<ApplyScreen me={me} onBack={onBack} />)
  await act(async () => undefined)
  await act(async () => undefined)
  return { view, onBack }
}

function fillValid() {
  fireEvent.click(screen.getByTestId('apply-grid-g-1'))
  typeInto(screen.getByTestId('apply-building'), '3栋')
  typeInto(screen.getByTestId('apply-unit'), '2')
  typeInto(screen.getByTestId('apply-room'), '301')
  typeInto(screen.getByTestId('apply-name'), '王秀兰')
  fireEvent.click(screen.getByTestId('apply-relation-head'))
}

beforeEach(() => setSession({ ...makeSession(), user: me }))
afterEach(() => api.mockReset())

describe('ApplyScreen (住户认证)', () => {
  it('shows the schema’s Chinese message under each missing field and sends nothing', async () => {
    serve({})
    await renderApply()
    fireEvent.click(screen.getByText('提交认证'))
    expect((await screen.findByTestId('field-error-gridId')).textContent).toBe('请选择所在网格')
    expect(screen.getByTestId('field-error-building').textContent).toBe('请填写楼栋/组')
    expect(screen.getByTestId('field-error-room').textContent).toBe('请填写房号')
    expect(screen.getByTestId('field-error-name').textContent).toBe('请填写姓名')
    expect(screen.getByTestId('field-error-relation').textContent).toBe('请选择与户主的关系')
    expect(screen.queryByTestId('field-error-unit')).toBeNull()
    expect(applyCalls()).toHaveLength(0)
  })

  it('sends the form and shows 已认证 when the roster matches', async () => {
    serve({ apply: () => Promise.resolve({ status: 'verified', applicationId: 'a-1' }) })
    await renderApply()
    fillValid()
    fireEvent.click(screen.getByTestId('apply-submit'))
    const result = await screen.findByTestId('apply-result')
    expect(result.textContent).toContain('已认证')
    expect(result.textContent).toContain('第一网格 3栋2单元301')
    expect(applyCalls()[0][1]).toEqual({ gridId: 'g-1', building: '3栋', unit: '2', room: '301', name: '王秀兰', relation: 'head' })
    expect(applyCalls()[0][2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(loadDraft(applyDraftKey(me.id))).toBeNull()
  })

  it('shows 待审核 with what happens next when the committee must check', async () => {
    serve({ apply: () => Promise.resolve({ status: 'pending', applicationId: 'a-2' }) })
    await renderApply()
    fillValid()
    typeInto(screen.getByTestId('apply-unit'), '')
    fireEvent.click(screen.getByTestId('apply-submit'))
    const result = await screen.findByTestId('apply-result')
    expect(result.textContent).toContain('待审核')
    expect(result.textContent).not.toContain('已认证')
    expect(result.textContent).toContain('社区工作人员会核对')
    // an empty 单元 is left out, not sent as ''
    expect(applyCalls()[0][1]).not.toHaveProperty('unit')
  })

  it('a 户主 whose name did not match reads that the roster had no such 户主 record', async () => {
    serve({ apply: () => Promise.resolve({ status: 'pending', applicationId: 'a-2' }) })
    await renderApply()
    fillValid()
    fireEvent.click(screen.getByTestId('apply-submit'))
    const result = await screen.findByTestId('apply-result')
    expect(result.textContent).toContain('花名册里没有找到与您填写一致的户主记录，社区工作人员会核对')
    expect(result.textContent).not.toContain('家庭成员和租户')
  })

  it.each(['member', 'tenant'])('a %s reads that family members and tenants are checked by staff, not that the roster failed', async (relation) => {
    serve({ apply: () => Promise.resolve({ status: 'pending', applicationId: 'a-2' }) })
    await renderApply()
    fillValid()
    fireEvent.click(screen.getByTestId(`apply-relation-${relation}`))
    fireEvent.click(screen.getByTestId('apply-submit'))
    const result = await screen.findByTestId('apply-result')
    expect(applyCalls()[0][1]).toMatchObject({ relation })
    expect(result.textContent).toContain('家庭成员和租户需要社区工作人员核对，一般在 1–2 个工作日内完成')
    expect(result.textContent).not.toContain('没有找到')
  })

  it('the head chip reads 我是户主 and the intro promises instant verification only to a matching 户主', async () => {
    serve({})
    await renderApply()
    expect(screen.getByTestId('apply-relation-head').textContent).toBe('我是户主')
    expect(screen.getByTestId('apply-relation-member').textContent).toBe('家庭成员')
    const intro = screen.getByText(/立即认证/).textContent ?? ''
    expect(intro).toContain('户主的住址和姓名与社区花名册一致的，提交后立即认证')
    expect(intro).toContain('家庭成员、租户')
  })

  it('keeps a draft and restores it when the page is opened again', async () => {
    serve({})
    const first = await renderApply()
    fireEvent.click(screen.getByTestId('apply-grid-g-2'))
    typeInto(screen.getByTestId('apply-building'), '5组')
    typeInto(screen.getByTestId('apply-room'), '12')
    fireEvent.click(screen.getByTestId('apply-relation-tenant'))
    expect(loadDraft(applyDraftKey(me.id))?.value).toMatchObject({ gridId: 'g-2', building: '5组', room: '12', relation: 'tenant' })
    first.view.unmount()

    await renderApply()
    expect(screen.getByTestId('apply-draft-restored')).toBeTruthy()
    expect(screen.getByTestId('apply-building').getAttribute('value')).toBe('5组')
    expect(screen.getByTestId('apply-grid-g-2').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('apply-relation-tenant').getAttribute('aria-checked')).toBe('true')
  })

  it('after a failure shows the server’s message and re-sends with the same requestId', async () => {
    let attempt = 0
    serve({
      apply: () =>
        ++attempt === 1
          ? Promise.reject(new ApiError('NETWORK'))
          : Promise.resolve({ status: 'pending', applicationId: 'a-3' }),
    })
    await renderApply()
    fillValid()
    fireEvent.click(screen.getByTestId('apply-submit'))
    expect((await screen.findByTestId('apply-error')).textContent).toContain('网络不好，请稍后重试')
    fireEvent.click(screen.getByTestId('apply-submit'))
    await screen.findByTestId('apply-result')
    const [a, b] = applyCalls()
    expect(b[2]?.requestId).toBe(a[2]?.requestId)
  })

  it('shows progress while sending', async () => {
    serve({ apply: () => new Promise(() => undefined) })
    await renderApply()
    fillValid()
    fireEvent.click(screen.getByTestId('apply-submit'))
    expect(await screen.findByText('正在提交…')).toBeTruthy()
  })

  it('shows a pending application instead of the form', async () => {
    serve({ mine: makeApplication('a-9') })
    await renderApply()
    expect(screen.getByTestId('application-status').textContent).toBe('待审核')
    expect(screen.getByTestId('application-next')).toBeTruthy()
    expect(screen.queryByTestId('apply-form')).toBeNull()
    expect(screen.queryByText('重新申请')).toBeNull()
  })

  it('shows the reason of a rejection, and 重新申请 opens the form filled from it', async () => {
    serve({ mine: makeApplication('a-8', { status: 'rejected', reason: '花名册中 301 户主不是王秀兰，请核对房号' }) })
    await renderApply()
    expect(screen.getByTestId('application-status').textContent).toBe('未通过')
    expect(screen.getByTestId('application-reason').textContent).toContain('花名册中 301 户主不是王秀兰，请核对房号')
    fireEvent.click(screen.getByText('重新申请'))
    await act(async () => undefined)
    expect(screen.getByTestId('apply-form')).toBeTruthy()
    expect(screen.getByTestId('apply-room').getAttribute('value')).toBe('301')
    expect(screen.getByTestId('apply-relation-member').getAttribute('aria-checked')).toBe('true')
  })

  it('shows the error of a failed status load with 重试', async () => {
    api.mockImplementation(((action: string) =>
      action === 'resident.myApplication' ? Promise.reject(new ApiError('INTERNAL')) : Promise.resolve(COMMUNITY)) as typeof callApi)
    await renderApply()
    expect(screen.getByTestId('list-error').textContent).toContain('服务暂时出错')
    serve({})
    fireEvent.click(screen.getByTestId('list-retry'))
    await act(async () => undefined)
    await waitFor(() => expect(screen.getByTestId('apply-form')).toBeTruthy())
  })
})
