/**
 * Issue 14, photos in cloud storage, through the dispatcher: the client uploads to an incoming path the API names
 * (file.uploadTarget), the API takes the file in with the same checks as the HTTP upload (file.fromCloud), and
 * file.links hands out temporary URLs only for links that pass readPhoto's check (signature, expiry, the report's
 * audience now). Cloud storage is wx-server-sdk's stand-in (files in a temp folder) behind the real adapter.
 * Over the HTTP door (no cloud storage composed) the three actions are FORBIDDEN.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { TempLinks } from '@/domain/files'
import type { ReportView } from '@/domain/reports'
import { cloudStorage } from '../../cloud/adapters/wechat/cloudStorage'
import { buildServer } from '../../cloud/server/app'
import { standin, standinFile, standinUrlFile } from '../support/cloud/standinStorage'
import { makeHarness, type Harness } from './support/harness'
import { GPS_LATITUDE, jpegWithGps, SVG } from './support/images'
import { GOOD_DESCRIPTION, WHO } from './support/reportFixtures'

let h: Harness
let root: string
beforeAll(async () => {
  const storage = cloudStorage(standin, () => standin.STANDIN_ENV)
  h = await makeHarness({ deps: { blobs: storage.blobs, cloudFiles: storage.files } })
  root = path.join(h.dir, 'cloud-storage')
  process.env.GONGZHI_STANDIN_STORAGE = root
})
afterAll(async () => {
  delete process.env.GONGZHI_STANDIN_STORAGE
  await h.close()
})

/** What the client does: ask for a target, Taro.cloud.uploadFile there, hand the file in. */
async function upload(as: string, bytes: Buffer = jpegWithGps()): Promise<string> {
  const { cloudPath } = await h.ok<{ cloudPath: string }>('file.uploadTarget', {}, as)
  const { fileID } = await standin.uploadFile({ cloudPath, fileContent: bytes })
  return (await h.ok<{ fileId: string }>('file.fromCloud', { fileID }, as)).fileId
}

const links = (list: string[], as: string) => h.ok<TempLinks>('file.links', { links: list }, as)

test('an upload through cloud storage: the incoming file goes, the kept photo has no location', async () => {
  const { cloudPath } = await h.ok<{ cloudPath: string }>('file.uploadTarget', {}, WHO.resident)
  expect(cloudPath).toMatch(new RegExp(`^incoming/${WHO.resident}/[a-f0-9]{32}$`))
  const { fileID } = await standin.uploadFile({ cloudPath, fileContent: jpegWithGps() })
  const { fileId } = await h.ok<{ fileId: string }>('file.fromCloud', { fileID }, WHO.resident)
  expect(fs.existsSync(standinFile(root, fileID))).toBe(false)
  const file = await h.store.files.get(fileId)
  expect(file).toMatchObject({ ownerId: WHO.resident, mime: 'image/jpeg', width: 16, height: 16 })
  expect(file!.path).toMatch(new RegExp(`^${standin.STANDIN_FILE_PREFIX}photos/[a-z0-9]{2}/${fileId}\\.jpg$`))
  const kept = fs.readFileSync(standinFile(root, file!.path))
  expect(kept.includes(GPS_LATITUDE)).toBe(false)
  expect(kept.length).toBe(file!.bytes)
})

test('only the caller\'s own incoming files are taken in; a refused or broken file is removed all the same', async () => {
  const { cloudPath } = await h.ok<{ cloudPath: string }>('file.uploadTarget', {}, WHO.resident)
  const { fileID } = await standin.uploadFile({ cloudPath, fileContent: jpegWithGps() })
  const before = await h.counts()
  // another resident handing in the resident's upload, a path outside incoming, another environment's file
  expect(await h.call('file.fromCloud', { fileID }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能提交自己刚上传的图片' } })
  const { fileID: photos } = await standin.uploadFile({ cloudPath: `photos/ab/${WHO.resident}.jpg`, fileContent: jpegWithGps() })
  expect(await h.call('file.fromCloud', { fileID: photos }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  const foreign = fileID.replace(`cloud://${standin.STANDIN_ENV}.`, 'cloud://other-env.')
  expect(await h.call('file.fromCloud', { fileID: foreign }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  for (const bad of [`${standin.STANDIN_FILE_PREFIX}incoming/${WHO.resident}/../x`, `https://example.com/${cloudPath}`, cloudPath]) {
    expect(await h.call('file.fromCloud', { fileID: bad }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect(fs.existsSync(standinFile(root, fileID))).toBe(true)
  expect(await h.counts()).toEqual(before)

  // not an image: refused by content, and the incoming file is gone
  const svg = await h.ok<{ cloudPath: string }>('file.uploadTarget', {}, WHO.resident)
  const { fileID: svgId } = await standin.uploadFile({ cloudPath: svg.cloudPath, fileContent: SVG })
  expect(await h.call('file.fromCloud', { fileID: svgId }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(fs.existsSync(standinFile(root, svgId))).toBe(false)
  // handed in twice: the second finds nothing
  await h.ok('file.fromCloud', { fileID }, WHO.resident)
  expect(await h.call('file.fromCloud', { fileID }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '上传的图片已失效，请重新选择' } })
})

test('temporary URLs go only with links the report views handed out, for the report\'s audience now', async () => {
  const p = await upload(WHO.resident)
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: GOOD_DESCRIPTION, photoIds: [p], visibility: 'public' }, WHO.resident)
  const mine = (await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)).photos[0]!.url
  const workers = (await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).photos[0]!.url
  const neighbours = (await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident2)).photos[0]!.url
  const got = await links([mine, workers, neighbours], WHO.resident2)
  for (const item of got.items) {
    expect(item.url).toEqual(expect.any(String))
    expect(standinUrlFile(root, item.url!)?.includes(GPS_LATITUDE)).toBe(false)
    // never longer than 10 minutes
    expect(Date.parse(item.expiresAt!) - h.clock.now().getTime()).toBeLessThanOrEqual(10 * 60 * 1000)
  }

  // made private: the neighbour's link gets nothing any more; the reporter and the grid worker get fresh ones
  await h.ok('report.edit', { id: r.id, visibility: 'private' }, WHO.resident)
  expect((await links([neighbours], WHO.resident2)).items).toEqual([{ url: null, expiresAt: null }])
  expect(await h.call('report.get', { id: r.id }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  const fresh = [(await h.ok<ReportView>('report.get', { id: r.id }, WHO.resident)).photos[0]!.url, (await h.ok<ReportView>('report.get', { id: r.id }, WHO.worker)).photos[0]!.url]
  expect((await links(fresh, WHO.worker)).items.map((i) => typeof i.url)).toEqual(['string', 'string'])

  // forged, expired, another file's signature, not a link at all: null, each in its place
  const [pathPart, query] = fresh[0]!.split('?')
  const other = await upload(WHO.resident)
  const forged = [
    `${pathPart}?${query!.replace(/s=[^&]+/, 's=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')}`,
    `${pathPart}?${query!.replace(/e=\d+/, 'e=1000')}`,
    fresh[0]!.replace(encodeURIComponent(p), encodeURIComponent(other)),
    'https://example.com/x.jpg',
    '/files/../../etc/passwd?e=1&s=x',
  ]
  const answer = await links([...forged, fresh[0]!], WHO.resident)
  expect(answer.items.map((i) => i.url === null)).toEqual([true, true, true, true, true, false])
})

test('the same cap as the HTTP upload: the 31st unattached photo is RATE_LIMITED, nothing of it kept', async () => {
  for (let i = 0; i < 30; i++) await upload(WHO.volunteer)
  const photos = () => fs.readdirSync(path.join(root, 'photos'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length
  const [rowsBefore, blobsBefore] = [(await h.counts()).files, photos()]
  const { cloudPath } = await h.ok<{ cloudPath: string }>('file.uploadTarget', {}, WHO.volunteer)
  const { fileID } = await standin.uploadFile({ cloudPath, fileContent: jpegWithGps() })
  expect(await h.call('file.fromCloud', { fileID }, WHO.volunteer)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: '上传的照片太多，请先提交问题或稍后再试' } })
  expect([(await h.counts()).files, photos()]).toEqual([rowsBefore, blobsBefore])
  expect(fs.existsSync(standinFile(root, fileID))).toBe(false)
})

test('bounded: at most 30 links a call; an empty list is refused', async () => {
  expect(await h.call('file.links', { links: Array.from({ length: 31 }, () => '/files/x?e=1&s=x') }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await h.call('file.links', { links: [] }, WHO.resident)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await h.call('file.uploadTarget', {}, null)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
})

describe('the HTTP door has no cloud storage', () => {
  let http: Harness
  let app: FastifyInstance
  let base: string
  beforeAll(async () => {
    http = await makeHarness()
    app = await buildServer({
      store: http.store,
      env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_SECRET: 'test-secret-test-secret-test-secret' },
      deps: { clock: http.clock, tokens: http.deps.tokens },
      staticDir: path.join(http.dir, 'none'),
    })
    base = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await app.close()
    await http.close()
  })

  test('file.uploadTarget, file.fromCloud and file.links are FORBIDDEN, nothing written', async () => {
    const { token } = await http.deps.tokens.issue(WHO.resident)
    const before = await http.counts()
    const calls = [
      ['file.uploadTarget', {}],
      ['file.fromCloud', { fileID: `${standin.STANDIN_FILE_PREFIX}incoming/${WHO.resident}/0123456789abcdef` }],
      ['file.links', { links: ['/files/x?e=1&s=x'] }],
    ] as const
    for (const [action, payload] of calls) {
      const res = await fetch(`${base}/api`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, payload }) })
      expect([action, res.status, await res.json()]).toEqual([action, 403, { ok: false, error: { code: 'FORBIDDEN', message: '云存储只能在微信小程序中使用' } }])
    }
    expect(await http.counts()).toEqual(before)
  })
})
