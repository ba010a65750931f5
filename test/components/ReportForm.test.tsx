import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { reportCreateSchema } from '@/domain/reports'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft, saveDraft } from '@/services/drafts'
import { setSession } from '@/services/session'
import { uploadPhoto } from '@/services/upload'
import { EMPTY_REPORT, type ReportFormValues as Form } from '@/features/reports/reportForm'
import { ReportForm } from '@/features/reports/ui/ReportForm'
import { reportDraftKey } from '@/features/reports/useReportDraft'
import { deferred, makeMe, makeSession, typeInto } from '../support/fixtures'
import { makeNearby, makeReportView } from '../support/residentReports'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
jest.mock('@/services/upload', () => ({ uploadPhoto: jest.fn(), photoSrc: (u: string) => u }))
const api = callApi as jest.MockedFunction<typeof callApi>
const upload = uploadPhoto as jest.MockedFunction<typeof uploadPhoto>

const me = makeMe()
const draftKey = reportDraftKey(me.id)
const grids = [
  { id: 'g-1', name: '第一网格' },
  { id: 'g-2', name: '第二网格' },
]
const validDraft: Form = { ...EMPTY_REPORT, category: 'facility', description: '3 号楼东侧路灯坏了一个星期' }

type Handler = (payload: unknown, options?: { requestId?: string }) => Promise<unknown>

/** Answers by action; anything not given is NOT_FOUND. */
function serve(handlers: Record<string, Handler>) {
  api.mockImplementation(((action: string, payload: unknown, options?: { requestId?: string }) => {
    if (action === 'community.get') return Promise.resolve({ id: 'c-1', name: '枫桥社区', streetName: '城关街道', grids })
    const h = handlers[action]
    return h ? h(payload, options) : Promise.reject(new ApiError('NOT_FOUND'))
  }) as typeof callApi)
}

const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)

async function renderForm(over: Partial<Parameters<typeof ReportForm>[0]> = {}) {
  const onSaved = jest.fn()
  const onOpenReport = jest.fn()
  const view = render(<ReportForm me={me} onSaved={onSaved} onOpenReport={onOpenReport} {...over} />)
  await act(async () => undefined)
  return { view, onSaved, onOpenReport }
}

function type(testid: string, value: string) {
  typeInto(screen.getByTestId(testid), value)
}

/** The browser's geolocation: a point, or a refusal (code 1). */
function geolocation(result: { latitude: number; longitude: number } | 'denied') {
  const getCurrentPosition = jest.fn((ok: PositionCallback, fail?: PositionErrorCallback | null) => {
    if (result === 'denied') fail?.({ code: 1, message: 'denied' } as GeolocationPositionError)
    else ok({ coords: { latitude: result.latitude, longitude: result.longitude } } as GeolocationPosition)
  })
  Object.defineProperty(window.navigator, 'geolocation', { value: { getCurrentPosition }, configurable: true })
  return getCurrentPosition
}

/** The pictures on this phone: getImageInfo loads those that still exist and fails on the others. */
function photosOnPhone(alive: (path: string) => boolean = () => true) {
  return jest.spyOn(Taro, 'getImageInfo').mockImplementation(((o: { src: string }) =>
    alive(o.src) ? Promise.resolve({ width: 10, height: 10, path: o.src }) : Promise.reject({ errMsg: 'getImageInfo:fail' })) as never)
}

beforeEach(() => {
  setSession(makeSession())
  photosOnPhone()
})
afterEach(() => {
  api.mockReset()
  upload.mockReset()
  jest.restoreAllMocks()
})

describe('ReportForm', () => {
  it('shows the shared schema’s Chinese messages and sends nothing', async () => {
    serve({})
    await renderForm()
    fireEvent.click(screen.getByTestId('report-submit'))

    const parsed = reportCreateSchema.safeParse({ description: '坏了', visibility: 'public' })
    const byField = Object.fromEntries((parsed.success ? [] : parsed.error.issues).map((i) => [i.path[0], i.message]))
    type('input-description', '坏了')
    fireEvent.click(screen.getByTestId('report-submit'))
    expect((await screen.findByTestId('field-error-category')).textContent).toBe(byField.category)
    expect(screen.getByTestId('field-error-description').textContent).toBe(byField.description)
    expect(screen.getByTestId('field-error-category').textContent).toBe('请选择问题类别')
    expect(screen.getByTestId('field-error-description').textContent).toBe('问题描述至少 5 个字')
    expect(calls('report.create')).toHaveLength(0)
  })

  it('a tile’s category is preselected; disputes default to 仅工作人员可见 and say why', async () => {
    serve({})
    await renderForm({ presetCategory: 'dispute' })
    expect(screen.getByTestId('category-dispute').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('visibility-private').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('field-visibility').textContent).toContain('默认仅工作人员可见')
    fireEvent.click(screen.getByTestId('category-environment'))
    expect(screen.getByTestId('visibility-public').getAttribute('aria-checked')).toBe('true')
  })

  it('keeps what was typed as a draft and restores it when the form is opened again', async () => {
    serve({})
    const first = (await renderForm()).view
    fireEvent.click(screen.getByTestId('category-environment'))
    type('input-description', '垃圾桶满了三天没人清')
    fireEvent.click(screen.getByTestId('toggle-anonymous'))
    expect(loadDraft<Form>(draftKey)?.value).toMatchObject({ category: 'environment', description: '垃圾桶满了三天没人清', anonymous: true })
    first.unmount()

    await renderForm()
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    expect(screen.getByTestId('category-environment').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('toggle-anonymous').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByTestId('input-description').textContent + (screen.getByTestId('input-description').getAttribute('value') ?? '')).toContain('垃圾桶满了三天没人清')
  })

  it('a failed submit keeps the draft and the message; the re-send, even from a reopened form, carries the same requestId', async () => {
    saveDraft(draftKey, validDraft)
    const created = makeReportView('r-new')
    let attempt = 0
    serve({ 'report.create': () => (++attempt <= 2 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve(created)) })
    const first = await renderForm()

    fireEvent.click(screen.getByTestId('report-submit'))
    expect((await screen.findByTestId('submit-error')).textContent).toContain('网络不好，请稍后重试')
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(calls('report.create')).toHaveLength(2))
    await screen.findByTestId('submit-error')
    const kept = loadDraft<Form & { requestId: string }>(draftKey)?.value
    expect(kept?.description).toBe(validDraft.description)
    first.view.unmount()

    const second = await renderForm()
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(second.onSaved).toHaveBeenCalledWith(created))
    const ids = calls('report.create').map((c) => c[2]?.requestId)
    expect(ids[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(new Set(ids).size).toBe(1)
    expect(kept?.requestId).toBe(ids[0])
    expect(calls('report.create')[0][1]).toEqual({ category: 'facility', description: validDraft.description, visibility: 'public' })
    expect(loadDraft(draftKey)).toBeNull()
  })

  it('a changed form after a failure is a new attempt with a new requestId', async () => {
    saveDraft(draftKey, validDraft)
    let attempt = 0
    serve({ 'report.create': () => (++attempt === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve(makeReportView('r2'))) })
    const { onSaved } = await renderForm()
    fireEvent.click(screen.getByTestId('report-submit'))
    await screen.findByTestId('submit-error')
    type('input-description', '3 号楼东侧路灯坏了，旁边井盖也松了')
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const [a, b] = calls('report.create')
    expect(a[2]?.requestId).not.toBe(b[2]?.requestId)
  })

  it('offers nearby reports of the category once located; 我也遇到 supports and opens it', async () => {
    geolocation({ latitude: 30.2741, longitude: 120.1551 })
    const near = makeNearby('r-near', 80.4, { excerpt: '3 号楼路灯不亮', supporters: 2 })
    serve({
      'report.nearby': () => Promise.resolve({ items: [near] }),
      'report.support': () => Promise.resolve({ supporters: 3 }),
    })
    const toast = jest.spyOn(Taro, 'showToast').mockImplementation(() => Promise.resolve({ errMsg: 'ok' }) as never)
    const { onOpenReport } = await renderForm({ presetCategory: 'facility' })
    fireEvent.click(screen.getByTestId('location-take'))

    const offer = await screen.findByTestId('nearby-offer')
    expect(offer.textContent).toContain('附近已有人反映')
    expect(offer.textContent).toContain('3 号楼路灯不亮')
    expect(offer.textContent).toContain('约 80 米')
    expect(calls('report.nearby')[0][1]).toEqual({ latitude: 30.2741, longitude: 120.1551, coordSystem: 'wgs84', category: 'facility' })

    fireEvent.click(screen.getByTestId('nearby-support-r-near'))
    await waitFor(() => expect(onOpenReport).toHaveBeenCalledWith('r-near'))
    expect(calls('report.support')[0][1]).toEqual({ id: 'r-near' })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('3 人') }))
    expect(calls('report.create')).toHaveLength(0)
  })

  it('仍要提交新问题 hides the offer and the report goes with its location', async () => {
    geolocation({ latitude: 30.2741, longitude: 120.1551 })
    serve({
      'report.nearby': () => Promise.resolve({ items: [makeNearby('r-near', 50)] }),
      'report.create': () => Promise.resolve(makeReportView('r-new')),
    })
    const { onSaved } = await renderForm({ presetCategory: 'facility' })
    type('input-description', '路灯又坏了一盏，在 5 号楼')
    fireEvent.click(screen.getByTestId('location-take'))
    await screen.findByTestId('nearby-offer')
    fireEvent.click(screen.getByTestId('nearby-dismiss'))
    expect(screen.queryByTestId('nearby-offer')).toBeNull()
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({ location: { latitude: 30.2741, longitude: 120.1551, coordSystem: 'wgs84' } })
  })

  it('after locating: the grid it goes to and who handles it; a place note; another grid can be picked and is sent', async () => {
    geolocation({ latitude: 30.2741, longitude: 120.1551 })
    saveDraft(draftKey, validDraft)
    serve({
      'report.route': () => Promise.resolve({ gridId: 'g-1', gridName: '第一网格', inside: true, handler: '网格员 孙丽' }),
      'report.nearby': () => Promise.resolve({ items: [] }),
      'report.create': () => Promise.resolve(makeReportView('r-new')),
    })
    const { onSaved } = await renderForm()
    fireEvent.click(screen.getByTestId('location-take'))
    expect((await screen.findByTestId('location-route')).textContent).toBe('将交给：第一网格（网格员 孙丽）')
    expect(screen.getByTestId('location-place').textContent).toBe('位置：您现在所在的位置')
    expect(screen.getByTestId('location-picked').textContent).not.toContain('已获取您现在所在的位置')
    expect(calls('report.route')[0][1]).toEqual({ latitude: 30.2741, longitude: 120.1551, coordSystem: 'wgs84' })
    type('location-note', '5号楼东侧路口')
    expect(screen.getByTestId('location-place').textContent).toBe('位置：5号楼东侧路口')
    fireEvent.click(screen.getByTestId('location-correct'))
    fireEvent.click(await screen.findByTestId('grid-g-2'))
    expect(screen.getByTestId('location-route').textContent).toBe('将交给：第二网格（您改选的网格）')
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({
      gridId: 'g-2',
      location: { latitude: 30.2741, longitude: 120.1551, address: '5号楼东侧路口', coordSystem: 'wgs84' },
    })
  })

  it('a point outside every grid: says it goes to the resident\'s own grid and asks to correct it if wrong', async () => {
    geolocation({ latitude: 31, longitude: 121 })
    serve({ 'report.route': () => Promise.resolve({ gridId: 'g-1', gridName: '第一网格', inside: false, handler: '第一网格网格员' }) })
    await renderForm()
    fireEvent.click(screen.getByTestId('location-take'))
    expect((await screen.findByTestId('location-outside')).textContent).toContain('不在本社区的网格里')
  })

  it('location refused: says so and offers the grid picker; the picked grid is sent', async () => {
    geolocation('denied')
    saveDraft(draftKey, validDraft)
    serve({ 'report.create': () => Promise.resolve(makeReportView('r-new')) })
    const { onSaved } = await renderForm()
    fireEvent.click(screen.getByTestId('location-take'))
    expect((await screen.findByTestId('location-failure')).textContent).toContain('没有获得位置权限')
    fireEvent.click(await screen.findByTestId('grid-g-2'))
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({ gridId: 'g-2' })
    expect(calls('report.create')[0][1]).not.toHaveProperty('location')
    expect(calls('report.nearby')).toHaveLength(0)
  })

  it('uploads each photo at once with its progress; a failed one blocks submit until retried', async () => {
    saveDraft(draftKey, validDraft)
    jest.spyOn(Taro, 'chooseImage').mockResolvedValue({ tempFilePaths: ['blob:one', 'blob:two'], tempFiles: [], errMsg: 'ok' } as never)
    const one = deferred<{ fileId: string }>()
    let twoTries = 0
    upload.mockImplementation((path, onProgress) => {
      if (path === 'blob:one') {
        onProgress?.(40)
        return one.promise
      }
      return ++twoTries === 1 ? Promise.reject(new ApiError('NETWORK')) : Promise.resolve({ fileId: 'f-two' })
    })
    serve({ 'report.create': () => Promise.resolve(makeReportView('r-new')) })
    const { onSaved } = await renderForm()

    fireEvent.click(screen.getByTestId('photo-add'))
    expect((await screen.findByTestId('photo-0-progress')).textContent).toContain('上传中 40%')
    expect(await screen.findByTestId('photo-1-failed')).toBeTruthy()

    fireEvent.click(screen.getByTestId('report-submit'))
    expect((await screen.findByTestId('field-error-photos')).textContent).toBe('有 1 张照片上传失败，请重试或删除')
    expect(calls('report.create')).toHaveLength(0)

    fireEvent.click(screen.getByTestId('photo-1-retry'))
    await waitFor(() => expect(screen.queryByTestId('photo-1-failed')).toBeNull())
    fireEvent.click(screen.getByTestId('report-submit'))
    expect((await screen.findByTestId('field-error-photos')).textContent).toBe('照片还在上传，请稍等')

    await act(async () => one.resolve({ fileId: 'f-one' }))
    expect(screen.queryByTestId('photo-0-progress')).toBeNull()
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({ photoIds: ['f-one', 'f-two'] })
  })

  it('a category tapped on the tab is not a draft: nothing kept, no 已恢复 banner next time', async () => {
    serve({})
    const first = await renderForm({ presetCategory: 'environment' })
    expect(screen.queryByTestId('draft-restored')).toBeNull()
    first.view.unmount()
    expect(loadDraft(draftKey)).toBeNull()
    // an older draft of only a category (as earlier versions saved it) is not announced either
    saveDraft(draftKey, { ...EMPTY_REPORT, category: 'facility', requestId: null })
    await renderForm({ presetCategory: 'environment' })
    expect(screen.queryByTestId('draft-restored')).toBeNull()
  })

  it('a restored draft drops photos whose pictures no longer exist, and says so', async () => {
    saveDraft(draftKey, {
      ...validDraft,
      photos: [
        { localPath: 'blob:gone', fileId: 'f-gone', progress: 100 },
        { localPath: 'wxfile://kept', fileId: 'f-kept', progress: 100 },
      ],
    })
    photosOnPhone((src) => src !== 'blob:gone')
    serve({ 'report.create': () => Promise.resolve(makeReportView('r-new')) })
    const { onSaved } = await renderForm()
    await waitFor(() => expect(screen.getByTestId('photos-lost').textContent).toBe('有 1 张照片已失效，请在下面重新添加。'))
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    expect(screen.getByTestId('photo-0').querySelector('img, taro-image-core')?.getAttribute('src')).toBe('wxfile://kept')
    expect(screen.queryByTestId('photo-1')).toBeNull()
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({ photoIds: ['f-kept'] })
  })

  it('a removed photo is not sent, and a photo whose upload was cut off by closing the page asks for a retry', async () => {
    saveDraft(draftKey, {
      ...validDraft,
      photos: [
        { localPath: 'blob:done', fileId: 'f-done', progress: 100 },
        { localPath: 'blob:cut', progress: 30 },
      ],
    })
    upload.mockResolvedValue({ fileId: 'f-cut' })
    serve({ 'report.create': () => Promise.resolve(makeReportView('r-new')) })
    const { onSaved } = await renderForm()
    expect(await screen.findByTestId('photo-1-failed')).toBeTruthy()
    fireEvent.click(screen.getByTestId('photo-1-remove'))
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.create')[0][1]).toMatchObject({ photoIds: ['f-done'] })
  })

  it('on weapp asks for the subscribe messages inside the tap, and a refusal does not stop the submit', async () => {
    const env = { ...process.env }
    process.env.TARO_ENV = 'weapp'
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS = 'tpl-a, tpl-b'
    const ask = jest.fn(() => Promise.reject(new Error('requestSubscribeMessage:fail cancel')))
    ;(Taro as unknown as Record<string, unknown>).requestSubscribeMessage = ask
    try {
      saveDraft(draftKey, validDraft)
      serve({ 'report.create': () => Promise.resolve(makeReportView('r-new')) })
      const { onSaved } = await renderForm()
      fireEvent.click(screen.getByTestId('report-submit'))
      await waitFor(() => expect(onSaved).toHaveBeenCalled())
      expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-a', 'tpl-b'] })
    } finally {
      process.env = env
    }
  })
})

describe('ReportForm in edit mode', () => {
  it('loads the report into the form and sends only what changed with report.edit', async () => {
    const report = makeReportView('r-1', { can: ['edit', 'withdraw'], photos: [{ id: 'f-1', url: '/files/f-1' }] })
    serve({
      'report.get': () => Promise.resolve(report),
      'report.edit': (p) => Promise.resolve({ ...report, ...(p as object) }),
    })
    const { onSaved } = await renderForm({ editId: 'r-1' })
    await screen.findByTestId('report-form')
    expect(screen.queryByTestId('location-take')).toBeNull()
    type('input-description', '3 号楼东侧路灯坏了，已经十天了')
    fireEvent.click(screen.getByTestId('report-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('report.edit')[0][1]).toEqual({ id: 'r-1', description: '3 号楼东侧路灯坏了，已经十天了' })
    expect(loadDraft(draftKey)).toBeNull()
  })

  it('says so when the report can no longer be edited', async () => {
    serve({ 'report.get': () => Promise.resolve(makeReportView('r-1', { status: 'accepted', can: [] })) })
    await renderForm({ editId: 'r-1' })
    expect((await screen.findByTestId('edit-not-allowed')).textContent).toContain('已受理')
  })
})
