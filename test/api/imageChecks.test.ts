/**
 * Issue 14: where WeChat checks images (the cloud function), a photo is its uploader's and the staff's until the
 * `wxa_media_check` push says pass; other residents see it then. A risky one stays hidden and its uploader is
 * told why. The push reaches the function as its event: one from the mini-program (SOURCE wx_client) is refused,
 * and only a trace id WeChat gave for a pending photo changes anything.
 */
import type { ReportSummary, ReportView } from '@/domain/reports'
import { makeCloudEntry, type WxContext } from '../../cloud/api/cloudEntry'
import { IMAGE_CHECK_GIVE_UP_MS, IMAGE_CHECK_RETRY_MS, RISKY_PHOTO_TITLE, sweepImageChecks, uploadPhoto } from '../../cloud/files'
import { makeHarness, type Harness } from './support/harness'
import { JPEG_16 } from './support/images'
import { addPhoto, WHO } from './support/reportFixtures'

let h: Harness
beforeEach(async () => {
  h = await makeHarness()
})
afterEach(async () => h.close())

/** A photo uploaded where the check runs: pending, with WeChat's trace id for it. */
async function pendingPhoto(owner: string, traceId: string): Promise<string> {
  const id = await addPhoto(h, owner)
  await h.sql.run("UPDATE files SET check_status = 'pending' WHERE id = ?", [id])
  expect(await h.store.files.checkAsked(id, traceId, h.clock.now().toISOString())).toBe(true)
  return id
}

const push = (traceId: string, suggest: string, label = 100) => ({
  ToUserName: 'gh_test',
  FromUserName: 'o_platform',
  CreateTime: 1700000000,
  MsgType: 'event',
  Event: 'wxa_media_check',
  appid: 'wx_test',
  trace_id: traceId,
  version: 2,
  detail: [{ strategy: 'content_model', errcode: 0, suggest, label }],
  errcode: 0,
  errmsg: 'ok',
  result: { suggest, label },
})

function door(ctx: WxContext) {
  return makeCloudEntry(async () => h.deps, () => ctx)
}
const fromWechat = door({ SOURCE: 'wx_unknown' })

const photoIds = (v: ReportView) => v.photos.map((p) => p.id)

test('pending: the reporter and the grid worker see the photo, a neighbour does not, nor as the cover; pass shows it', async () => {
  const seen = await addPhoto(h, WHO.resident)
  const held = await pendingPhoto(WHO.resident, 'trace-1')
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', photoIds: [held, seen], visibility: 'public' }, WHO.resident)
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident))).toEqual([held, seen])
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker))).toEqual([held, seen])
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2))).toEqual([seen])
  const listed = await h.ok<{ items: ReportSummary[] }>('report.list', { scope: 'public' }, WHO.resident2)
  expect(listed.items.find((x) => x.id === r.id)?.cover?.id).toBe(seen)

  expect(await fromWechat(push('trace-1', 'pass'))).toEqual({ ok: true, data: { recorded: true } })
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2))).toEqual([held, seen])
  const after = await h.ok<{ items: ReportSummary[] }>('report.list', { scope: 'public' }, WHO.resident2)
  expect(after.items.find((x) => x.id === r.id)?.cover?.id).toBe(held)
})

test('a held photo a staff member took on a step: staff see it, the reporter only once it passed', async () => {
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', visibility: 'public' }, WHO.resident)
  await h.ok('report.transition', { id: r.id, action: 'accept' }, WHO.worker, 'image-check-accept-0001')
  const stepPhoto = await pendingPhoto(WHO.worker, 'trace-step')
  await h.ok('report.transition', { id: r.id, action: 'note', note: '已到现场查看', photoIds: [stepPhoto] }, WHO.worker, 'image-check-note-0001')
  const stepPhotos = (v: ReportView) => v.timeline.flatMap((e) => e.photos.map((p) => p.id))
  expect(stepPhotos(await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker))).toEqual([stepPhoto])
  expect(stepPhotos(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident))).toEqual([])
  expect(stepPhotos(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2))).toEqual([])
  await fromWechat(push('trace-step', 'pass'))
  expect(stepPhotos(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident))).toEqual([stepPhoto])
})

test('risky: hidden from neighbours for good, the reporter told why about their report; a second push changes nothing', async () => {
  const held = await pendingPhoto(WHO.resident, 'trace-2')
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', photoIds: [held], visibility: 'public' }, WHO.resident)
  expect(await fromWechat(push('trace-2', 'risky', 20002))).toEqual({ ok: true, data: { recorded: true } })
  expect(await fromWechat(push('trace-2', 'pass'))).toEqual({ ok: true, data: { recorded: false } })
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2))).toEqual([])
  expect(photoIds(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident))).toEqual([held])
  const inbox = await h.ok<{ items: { title: string; body: string; target: unknown }[] }>('message.list', {}, WHO.resident)
  const told = inbox.items.filter((m) => m.title === RISKY_PHOTO_TITLE)
  expect(told).toHaveLength(1)
  expect(told[0]).toMatchObject({ target: { type: 'report', id: r.id } })
  expect(told[0]!.body).toContain('含色情内容')
})

test('a push from the mini-program is refused, an unknown trace or a malformed push changes nothing', async () => {
  const held = await pendingPhoto(WHO.resident, 'trace-3')
  const before = await h.counts()
  for (const source of ['wx_client', 'wx_devtools', 'wx_client,scf', 'wx_crawler']) {
    expect(await door({ OPENID: 'o-resident', SOURCE: source })(push('trace-3', 'pass'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect(await door({ SOURCE: 'wx_unknown', FROM_APPID: 'wx_other' })(push('trace-3', 'pass'))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await fromWechat(push('trace-unknown', 'pass'))).toEqual({ ok: true, data: { recorded: false } })
  expect(await fromWechat({ ...push('trace-3', 'pass'), result: { suggest: 'fine' } })).toEqual({ ok: true, data: { recorded: false } })
  expect(await fromWechat({ Event: 'wxa_media_check' })).toEqual({ ok: true, data: { recorded: false } })
  expect((await h.store.files.get(held))?.check).toBe('pending')
  expect(await h.counts()).toEqual(before)
})

/** A stand-in for WeChat's mediaCheckAsync (not WeChat): records what it was asked, answers trace ids or fails. */
function standInCheck() {
  const asked: { path: string; openid: string }[] = []
  let down = false
  return {
    asked,
    setDown: (d: boolean) => (down = d),
    check: {
      async ask(req: { path: string; openid: string }) {
        if (down) throw new Error('WeChat unreachable (stand-in)')
        asked.push(req)
        return { traceId: `trace-${asked.length}` }
      },
    },
  }
}

describe('asking WeChat', () => {
  const OPENID = 'o-uploader'
  beforeEach(async () => {
    await h.sql.run('UPDATE users SET openid = ? WHERE id = ?', [OPENID, WHO.resident])
  })

  test('an upload is asked for at once with the uploader openid; the push then decides', async () => {
    const wechat = standInCheck()
    const deps = { ...h.deps, imageCheck: wechat.check }
    const { file } = await uploadPhoto(deps, WHO.resident, async () => JPEG_16)
    expect(wechat.asked).toEqual([{ path: file.path, openid: OPENID }])
    expect((await h.store.files.get(file.id))?.check).toBe('pending')
    expect(await fromWechat(push('trace-1', 'pass'))).toEqual({ ok: true, data: { recorded: true } })
    expect((await h.store.files.get(file.id))?.check).toBe('pass')
  })

  test('WeChat unreachable: the upload still succeeds, the photo stays pending (hidden), the sweep asks again an hour after each try', async () => {
    const wechat = standInCheck()
    const deps = { ...h.deps, imageCheck: wechat.check }
    wechat.setDown(true)
    const { file } = await uploadPhoto(deps, WHO.resident, async () => JPEG_16)
    expect((await h.store.files.get(file.id))?.check).toBe('pending')
    // tried at the upload: not again within the hour, even once WeChat is back
    wechat.setDown(false)
    expect(await sweepImageChecks(deps)).toBe(0)
    h.clock.advance(IMAGE_CHECK_RETRY_MS + 1000)
    expect(await sweepImageChecks(deps)).toBe(1)
    expect(await sweepImageChecks(deps)).toBe(0)
    // no answer within the hour: asked again; the answer to either ask decides, once
    h.clock.advance(IMAGE_CHECK_RETRY_MS + 1000)
    expect(await sweepImageChecks(deps)).toBe(1)
    expect(wechat.asked.map((a) => a.path)).toEqual([file.path, file.path])
    expect(await fromWechat(push('trace-1', 'pass'))).toEqual({ ok: true, data: { recorded: true } })
    expect(await fromWechat(push('trace-2', 'risky'))).toEqual({ ok: true, data: { recorded: false } })
    expect((await h.store.files.get(file.id))?.check).toBe('pass')
  })

  test('a photo whose ask keeps failing goes to the back of the line; after three days it is not asked any more', async () => {
    const wechat = standInCheck()
    const deps = { ...h.deps, imageCheck: wechat.check }
    wechat.setDown(true)
    const { file } = await uploadPhoto(deps, WHO.resident, async () => JPEG_16)
    for (let hour = 0; hour < 3; hour++) {
      h.clock.advance(IMAGE_CHECK_RETRY_MS + 1000)
      expect(await sweepImageChecks(deps)).toBe(0)
    }
    wechat.setDown(false)
    h.clock.advance(IMAGE_CHECK_GIVE_UP_MS)
    expect(await sweepImageChecks(deps)).toBe(0)
    expect(wechat.asked).toEqual([])
    expect((await h.store.files.get(file.id))?.check).toBe('pending')
  })

  test('without an image check (the self-hosted default) a photo is shown as before; an uploader without openid is not asked', async () => {
    const { file } = await uploadPhoto(h.deps, WHO.resident, async () => JPEG_16)
    expect((await h.store.files.get(file.id))?.check).toBe('none')
    const wechat = standInCheck()
    const deps = { ...h.deps, imageCheck: wechat.check }
    const { file: other } = await uploadPhoto(deps, WHO.resident2, async () => JPEG_16)
    expect(wechat.asked).toEqual([])
    expect((await h.store.files.get(other.id))?.check).toBe('pending')
  })
})
