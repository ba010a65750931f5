/**
 * Photos in the mini-program built for 云开发 (issue 14), with Taro.cloud and the cloud function stood in: an upload
 * asks the API for a target, goes there with Taro.cloud.uploadFile and is handed in with file.fromCloud (a network
 * failure starts over once, with a fresh target); the photo components exchange the views' signed links for
 * temporary URLs — every photo on the screen in one file.links call, cached, a refused one not shown. Over HTTP the
 * links are shown as they are and nothing is exchanged.
 */
import { render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ApiEvent } from '@/domain/shared/envelope'
import { ReportCard } from '@/features/reports/ui/ReportCard'
import { ReportDetail } from '@/features/reports/ui/ReportDetail'
import { setTransport } from '@/services/api'
import { onCloud } from '@/services/cloud'
import { cachedPhotoUrl, forgetPhotoUrls, resolvePhotoLinks } from '@/services/cloudPhotos'
import { httpTransport } from '@/services/transport'
import { uploadPhoto } from '@/services/upload'
import { makeReportSummary, makeReportView } from '../support/residentReports'

jest.mock('@/services/cloud', () => ({ CLOUD_ENV: 'gongzhi-test-1a2b', onCloud: jest.fn(() => true) }))
const cloudMode = onCloud as jest.MockedFunction<typeof onCloud>

const events: ApiEvent[] = []
let answer: (e: ApiEvent) => unknown

/** The cloud function `api`, as callApi's transport. */
beforeEach(() => {
  cloudMode.mockReturnValue(true)
  events.length = 0
  forgetPhotoUrls()
  setTransport(async (e) => {
    events.push(e)
    return { status: 200, body: answer(e) }
  })
})
afterEach(() => {
  setTransport(httpTransport)
  jest.restoreAllMocks()
  delete (Taro as { cloud?: unknown }).cloud
})

type UploadArgs = { cloudPath: string; filePath: string; success: (r: { fileID: string }) => void; fail: (e: unknown) => void }

function cloudUpload(impl: (a: UploadArgs, progress: (n: number) => void) => void) {
  const uploadFile = jest.fn((a: UploadArgs) => {
    let cb: ((r: { progress: number }) => void) | null = null
    setTimeout(() => impl(a, (n) => cb?.({ progress: n })), 0)
    return { onProgressUpdate: (fn: (r: { progress: number }) => void) => (cb = fn), abort: () => undefined }
  })
  ;(Taro as unknown as { cloud: unknown }).cloud = { uploadFile }
  return uploadFile
}

describe('upload on 云开发', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
    jest.spyOn(Taro, 'getFileInfo').mockResolvedValue({ size: 1000, errMsg: 'getFileInfo:ok' } as never)
  })

  test('target → Taro.cloud.uploadFile to that path → file.fromCloud with its fileID; progress reported', async () => {
    let n = 0
    answer = (e) =>
      e.action === 'file.uploadTarget'
        ? { ok: true, data: { cloudPath: `incoming/u1/t${++n}` } }
        : { ok: true, data: { fileId: 'f_cloud_1' } }
    const upload = cloudUpload((a, progress) => {
      progress(40)
      progress(100)
      a.success({ fileID: `cloud://env.bucket/${a.cloudPath}` })
    })
    const seen: number[] = []
    await expect(uploadPhoto('wxfile://tmp/a.jpg', (p) => seen.push(p))).resolves.toEqual({ fileId: 'f_cloud_1' })
    expect(upload).toHaveBeenCalledTimes(1)
    expect(upload.mock.calls[0]![0]).toMatchObject({ cloudPath: 'incoming/u1/t1', filePath: 'wxfile://tmp/a.jpg' })
    expect(events.map((e) => [e.action, e.payload])).toEqual([
      ['file.uploadTarget', {}],
      ['file.fromCloud', { fileID: 'cloud://env.bucket/incoming/u1/t1' }],
    ])
    expect(seen).toEqual([40, 99])
  })

  test('a failed cloud upload starts over once with a fresh target; a refusal by the API is its message', async () => {
    let n = 0
    answer = (e) => (e.action === 'file.uploadTarget' ? { ok: true, data: { cloudPath: `incoming/u1/t${++n}` } } : { ok: true, data: { fileId: 'f2' } })
    let tries = 0
    cloudUpload((a) => (++tries === 1 ? a.fail({ errMsg: 'cloud.uploadFile:fail timeout' }) : a.success({ fileID: `cloud://env.bucket/${a.cloudPath}` })))
    await expect(uploadPhoto('wxfile://tmp/b.jpg')).resolves.toEqual({ fileId: 'f2' })
    expect(events.map((e) => e.action)).toEqual(['file.uploadTarget', 'file.uploadTarget', 'file.fromCloud'])
    expect(events[2]!.payload).toEqual({ fileID: 'cloud://env.bucket/incoming/u1/t2' })

    events.length = 0
    answer = (e) => (e.action === 'file.uploadTarget' ? { ok: true, data: { cloudPath: 'incoming/u1/t9' } } : { ok: false, error: { code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 图片' } })
    await expect(uploadPhoto('wxfile://tmp/c.gif')).rejects.toMatchObject({ code: 'INVALID_INPUT', message: '只能上传 JPG、PNG 或 WebP 图片' })
  })
})

describe('showing photos', () => {
  const link = (id: string) => `/files/${id}?e=9999999999&s=sig_${id}`
  const soon = () => new Date(Date.now() + 10 * 60_000).toISOString()

  test('on 云开发: one file.links call for the whole screen; temp URLs shown, a refused photo left out; cached after', async () => {
    const report = makeReportView('r9', { photos: [{ id: 'p1', url: link('p1') }, { id: 'gone', url: link('gone') }] })
    answer = (e) => {
      if (e.action === 'report.get') return { ok: true, data: report }
      const { links } = e.payload as { links: string[] }
      return { ok: true, data: { items: links.map((l) => (l.includes('gone') ? { url: null, expiresAt: null } : { url: `https://tmp.example/${l.slice(7, 9)}.jpg`, expiresAt: soon() })) } }
    }
    const linkCalls = () => events.filter((e) => e.action === 'file.links').map((e) => (e.payload as { links: string[] }).links)
    const cards = [makeReportSummary('r1', { cover: { id: 'c1', url: link('c1') } }), makeReportSummary('r2', { cover: { id: 'c2', url: link('c2') } })]
    const list = render(
      <>
        {cards.map((c) => (
          <ReportCard key={c.id} report={c} onOpen={() => undefined} />
        ))}
      </>,
    )
    await waitFor(() => expect(screen.getAllByTestId('report-cover')).toHaveLength(2))
    expect(screen.getAllByTestId('report-cover').map((i) => i.getAttribute('src'))).toEqual(['https://tmp.example/c1.jpg', 'https://tmp.example/c2.jpg'])
    expect(linkCalls()).toEqual([[link('c1'), link('c2')]])
    list.unmount()

    // the detail: its two photos in one call, the refused one not shown
    const detail = render(<ReportDetail id={report.id} onEdit={() => undefined} />)
    await waitFor(() => expect(screen.getByTestId('report-photo-0').getAttribute('src')).toBe('https://tmp.example/p1.jpg'))
    expect(screen.queryByTestId('report-photo-1')).toBeNull()
    expect(linkCalls()).toEqual([[link('c1'), link('c2')], [link('p1'), link('gone')]])
    detail.unmount()

    // back to the list: the cached URL at once, nothing asked
    render(<ReportCard report={cards[0]!} onOpen={() => undefined} />)
    expect(screen.getByTestId('report-cover').getAttribute('src')).toBe('https://tmp.example/c1.jpg')
    await new Promise((r) => setTimeout(r, 10))
    expect(linkCalls()).toHaveLength(2)
  })

  test('a temporary URL is used until a minute before it expires, then asked for again; a failed call is asked again', async () => {
    const l = link('x1')
    let n = 0
    answer = () => ({ ok: true, data: { items: [{ url: `https://tmp.example/x1-${++n}.jpg`, expiresAt: new Date(Date.now() + 90_000).toISOString() }] } })
    await resolvePhotoLinks([l])
    const now = Date.now()
    expect(cachedPhotoUrl(l, now + 29_000)).toBe('https://tmp.example/x1-1.jpg')
    expect(cachedPhotoUrl(l, now + 31_000)).toBeUndefined()
    await resolvePhotoLinks([l, l])
    expect(events).toHaveLength(1)

    forgetPhotoUrls()
    answer = () => ({ ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用' } })
    await resolvePhotoLinks([l])
    expect(cachedPhotoUrl(l)).toBeUndefined()
    answer = () => ({ ok: true, data: { items: [{ url: 'https://tmp.example/x1-again.jpg', expiresAt: new Date(Date.now() + 600_000).toISOString() }] } })
    await resolvePhotoLinks([l])
    expect(cachedPhotoUrl(l)).toBe('https://tmp.example/x1-again.jpg')
  })

  test('over HTTP: the signed links as they are, nothing exchanged', async () => {
    cloudMode.mockReturnValue(false)
    answer = () => ({ ok: false, error: { code: 'INTERNAL', message: 'not expected' } })
    render(<ReportCard report={makeReportSummary('r1', { cover: { id: 'c1', url: link('c1') } })} onOpen={() => undefined} />)
    expect(screen.getByTestId('report-cover').getAttribute('src')).toMatch(/\/files\/c1\?e=9999999999&s=sig_c1$/)
    await new Promise((r) => setTimeout(r, 10))
    expect(events).toEqual([])
  })
})
