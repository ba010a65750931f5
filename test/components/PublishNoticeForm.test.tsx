import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft, saveDraft } from '@/services/drafts'
import { setSession } from '@/services/session'
import { PublishNoticeForm } from '@/features/notices/ui/PublishNoticeForm'
import { publishDraftKey } from '@/features/notices/usePublishNotice'
import { EMPTY_FORM, type PublishForm } from '@/features/notices/publishForm'
import { deferred, makeMe, makeNotice, makeSession } from '../support/fixtures'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>

const committee = makeMe({ id: 'u-committee-1', name: '李主任', roles: ['committee'], gridId: null, gridName: null })
const draftKey = publishDraftKey(committee.id)
const grids = [
  { id: 'g-1', name: '第一网格' },
  { id: 'g-2', name: '第二网格' },
]

/** community.get answers; notice.publish answers with `publish` (one call each). */
function serve(publish: () => Promise<unknown>) {
  api.mockImplementation(((action: string) => {
    if (action === 'community.get') return Promise.resolve({ id: 'c-1', name: '枫桥社区', streetName: '城关街道', grids })
    if (action === 'notice.publish') return publish()
    return Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

function publishCalls() {
  return api.mock.calls.filter((c) => c[0] === 'notice.publish')
}

const validDraft: PublishForm = { ...EMPTY_FORM, title: '周六上午停水检修', body: '周六 9:00-12:00 停水，请提前储水。', category: 'notice' }

/** Renders the form and lets community.get settle. */
async function renderForm(onPublished = jest.fn()) {
  const view = render(<PublishNoticeForm me={committee} onPublished={onPublished} />)
  await act(async () => undefined)
  return { onPublished, view }
}

function type(testid: string, value: string) {
  fireEvent.input(screen.getByTestId(testid), { target: { value } })
}

beforeEach(() => setSession({ ...makeSession(), user: committee }))
afterEach(() => api.mockReset())

describe('PublishNoticeForm', () => {
  it('shows the schema’s Chinese messages under each field and sends nothing', async () => {
    serve(() => Promise.resolve(makeNotice('n1')))
    await renderForm()
    fireEvent.click(screen.getByText('发布'))

    expect((await screen.findByTestId('field-error-title')).textContent).toBe('请填写标题')
    expect(screen.getByTestId('field-error-body').textContent).toBe('请填写正文')
    expect(screen.getByTestId('field-error-category').textContent).toBe('请选择类别')
    expect(publishCalls()).toHaveLength(0)
  })

  it('asks for at least one grid when the scope is 指定网格', async () => {
    saveDraft(draftKey, validDraft)
    serve(() => Promise.resolve(makeNotice('n1')))
    await renderForm()
    fireEvent.click(screen.getByTestId('scope-grids'))
    await screen.findByText('第二网格')
    fireEvent.click(screen.getByText('发布'))
    expect((await screen.findByTestId('field-error-gridIds')).textContent).toBe('请至少选择一个网格')
    expect(publishCalls()).toHaveLength(0)

    fireEvent.click(screen.getByTestId('grid-g-2'))
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(publishCalls()).toHaveLength(1))
    expect(publishCalls()[0][1]).toMatchObject({ gridIds: ['g-2'] })
  })

  it('keeps what was typed as a draft and restores it when the form is opened again', async () => {
    serve(() => Promise.resolve(makeNotice('n1')))
    const first = (await renderForm()).view
    type('input-title', '楼道堆物清理')
    type('input-body', '本周内请清理楼道杂物。')
    fireEvent.click(screen.getByTestId('category-safety'))
    expect(loadDraft<PublishForm>(draftKey)?.value).toMatchObject({ title: '楼道堆物清理', category: 'safety' })
    first.unmount()

    await renderForm()
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    expect(screen.getByTestId('input-title').getAttribute('value')).toBe('楼道堆物清理')
    expect(screen.getByTestId('category-safety').getAttribute('aria-checked')).toBe('true')
  })

  it('on a failed submit keeps the draft, shows the message, and re-sends with the same requestId', async () => {
    saveDraft(draftKey, validDraft)
    const notice = makeNotice('n-new', { title: validDraft.title })
    let attempt = 0
    serve(() => (++attempt === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve(notice)))
    const { onPublished } = await renderForm()

    fireEvent.click(screen.getByText('发布'))
    expect((await screen.findByTestId('submit-error')).textContent).toContain('网络不好，请稍后重试')
    expect(loadDraft<PublishForm>(draftKey)?.value.title).toBe(validDraft.title)
    expect(onPublished).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(onPublished).toHaveBeenCalledWith(notice))
    const [first, second] = publishCalls()
    expect(first[2]?.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(second[2]?.requestId).toBe(first[2]?.requestId)
    expect(loadDraft(draftKey)).toBeNull()
  })

  it('after a lost reply, a form reopened from its draft re-sends the same requestId (one notice, not two)', async () => {
    saveDraft(draftKey, validDraft)
    const notice = makeNotice('n-once', { title: validDraft.title })
    let attempt = 0
    serve(() => (++attempt === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve(notice)))
    const first = await renderForm()
    fireEvent.click(screen.getByText('发布'))
    await screen.findByTestId('submit-error')
    first.view.unmount()

    const { onPublished } = await renderForm()
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(onPublished).toHaveBeenCalledWith(notice))
    const [a, b] = publishCalls()
    expect(b[2]?.requestId).toBe(a[2]?.requestId)
  })

  it('uses a new requestId once the form was changed after a failure', async () => {
    saveDraft(draftKey, validDraft)
    serve(() => Promise.reject(new ApiError('NETWORK')))
    await renderForm()
    fireEvent.click(screen.getByText('发布'))
    await screen.findByTestId('submit-error')
    type('input-title', '周六上午停水检修（更正）')
    fireEvent.click(screen.getByText('发布'))
    await waitFor(() => expect(publishCalls()).toHaveLength(2))
    const [first, second] = publishCalls()
    expect(second[2]?.requestId).not.toBe(first[2]?.requestId)
  })

  it('shows progress while sending', async () => {
    saveDraft(draftKey, validDraft)
    const pending = deferred<unknown>()
    serve(() => pending.promise)
    await renderForm()
    fireEvent.click(screen.getByText('发布'))
    expect(await screen.findByText('正在发布…')).toBeTruthy()
    expect(screen.getByTestId('publish-submit').getAttribute('aria-busy')).toBe('true')
    await act(async () => pending.resolve(makeNotice('n1')))
    await waitFor(() => expect(screen.queryByText('正在发布…')).toBeNull())
  })

  it('shows a server error as its message, and server field errors under their fields', async () => {
    saveDraft(draftKey, validDraft)
    let attempt = 0
    serve(() =>
      ++attempt === 1
        ? Promise.reject(new ApiError('CONTENT_REJECTED', '内容包含不适宜发布的信息，请修改后再试'))
        : Promise.reject(new ApiError('INVALID_INPUT', '标题最多 60 个字', [{ path: 'title', message: '标题最多 60 个字' }])),
    )
    await renderForm()
    fireEvent.click(screen.getByText('发布'))
    expect((await screen.findByTestId('submit-error')).textContent).toContain('内容包含不适宜发布的信息，请修改后再试')

    fireEvent.click(screen.getByText('发布'))
    expect((await screen.findByTestId('field-error-title')).textContent).toBe('标题最多 60 个字')
    expect(screen.getByTestId('submit-error').textContent).toContain('标题最多 60 个字')
  })

  it('tells a non-committee user that only staff publish', () => {
    render(<PublishNoticeForm me={makeMe()} onPublished={jest.fn()} />)
    expect(screen.getByTestId('publish-not-allowed').textContent).toContain('只有社区工作人员可以发布通知')
    expect(api).not.toHaveBeenCalled()
  })
})
