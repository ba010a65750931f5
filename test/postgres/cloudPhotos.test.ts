/**
 * Issue 14, photos in cloud storage, through the BUILT cloud function (`npm run build:cloud`'s bundle, run by
 * test/support/cloud/harness.cjs with the labelled wx-server-sdk stand-in, whose cloud storage is a temp folder)
 * on PostgreSQL: a resident uploads a photo carrying GPS to the path the function names, hands it in, attaches it
 * to a report; what is kept has no location; the reporter and the grid worker get temporary URLs through
 * file.links, another resident gets none once the report is private; another user's upload is FORBIDDEN.
 * (A suite of its own beside cloudFunction.test.ts: same harness, its own database and storage folder.)
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import readline from 'node:readline'
import pg from 'pg'
import type { TempLinks } from '@/domain/files'
import { openDemoStore } from '../../cloud/compose'
import { GPS_LATITUDE, jpegWithGps } from '../api/support/images'
import { standin, standinFile, standinUrlFile } from '../support/cloud/standinStorage'
import { freshPgDatabase } from '../support/postgres'

jest.setTimeout(120_000)

const ROOT = path.resolve(__dirname, '../..')
const BUNDLE = path.join(ROOT, 'cloudfunctions/api/index.js')
const OPENID = { resident: 'o_photo_resident', worker: 'o_photo_worker', neighbour: 'o_photo_neighbour' }

interface Reply<T = Record<string, unknown>> {
  ok: boolean
  data?: T
  error?: { code: string; message: string }
}

let url: string
let storage: string
let fn: ChildProcessWithoutNullStreams
let lines: AsyncIterableIterator<string>

beforeAll(async () => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts/build-cloud.mjs')], { cwd: ROOT, stdio: 'pipe' })
  url = await freshPgDatabase()
  const { store } = await openDemoStore({ engine: 'postgres', url, poolSize: 2 })
  await store.close()
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  for (const [id, openid] of [['u_resident_jj1', OPENID.resident], ['u_worker_jj1', OPENID.worker], ['u_resident_jj2', OPENID.neighbour]]) {
    await c.query('UPDATE users SET openid = $2 WHERE id = $1', [id, openid])
  }
  await c.end()
  storage = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-cloud-storage-'))
  // the test plays the client's Taro.cloud.uploadFile into the same stand-in folder
  process.env.GONGZHI_STANDIN_STORAGE = storage
  fn = spawn(process.execPath, [path.join(ROOT, 'test/support/cloud/harness.cjs'), BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_PATH: path.join(ROOT, 'test/support/cloud'),
      GONGZHI_DB: url,
      GONGZHI_SECRET: 'cloud-secret-cloud-secret-cloud-secret',
      GONGZHI_STANDIN_STORAGE: storage,
      NODE_ENV: 'production',
    },
  })
  lines = readline.createInterface({ input: fn.stdout })[Symbol.asyncIterator]()
  expect((await lines.next()).value).toBe('ready')
})

afterAll(async () => {
  fn?.stdin.end()
  await new Promise((r) => fn?.once('exit', r))
  delete process.env.GONGZHI_STANDIN_STORAGE
  if (storage) fs.rmSync(storage, { recursive: true, force: true })
})

async function as<T = Record<string, unknown>>(openid: string, action: string, payload: unknown = {}, requestId?: string): Promise<Reply<T>> {
  // the platform's context of a mini-program call in this environment
  const wx = { OPENID: openid, SOURCE: 'wx_client', ENV: standin.STANDIN_ENV }
  fn.stdin.write(`${JSON.stringify({ wx, event: { action, payload, ...(requestId ? { requestId } : {}), userInfo: { appId: 'wx_test', openId: openid } } })}\n`)
  const { value } = await lines.next()
  return (JSON.parse(value as string) as { reply: Reply<T> }).reply
}

/** An event not from a mini-program (here: WeChat's 消息推送 of an image check's result), or one claiming to be it. */
async function pushed(event: unknown, source: string): Promise<Reply> {
  fn.stdin.write(`${JSON.stringify({ wx: { SOURCE: source, ENV: standin.STANDIN_ENV }, event })}\n`)
  const { value } = await lines.next()
  return (JSON.parse(value as string) as { reply: Reply }).reply
}

async function rows(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return (await c.query(sql, params)).rows
  } finally {
    await c.end()
  }
}

const photoLink = async (openid: string, reportId: string): Promise<string> => {
  const r = await as<{ photos: { url: string }[] }>(openid, 'report.get', { id: reportId })
  expect(r.ok).toBe(true)
  return r.data!.photos[0]!.url
}

test('a photo with GPS: uploaded to the named path, kept without its location, seen only by who may see the report', async () => {
  // the client: ask where, Taro.cloud.uploadFile there, hand it in
  const target = await as<{ cloudPath: string }>(OPENID.resident, 'file.uploadTarget')
  expect(target).toMatchObject({ ok: true, data: { cloudPath: expect.stringMatching(/^incoming\/u_resident_jj1\/[a-f0-9]{32}$/) } })
  const { fileID } = await standin.uploadFile({ cloudPath: target.data!.cloudPath, fileContent: jpegWithGps() })
  const taken = await as<{ fileId: string }>(OPENID.resident, 'file.fromCloud', { fileID }, 'cloud-photo-0001')
  expect(taken).toMatchObject({ ok: true, data: { fileId: expect.any(String) } })
  const fileId = taken.data!.fileId
  expect(fs.existsSync(standinFile(storage, fileID))).toBe(false)
  const [row] = await rows('SELECT owner_id, path, bytes FROM files WHERE id = $1', [fileId])
  expect(row).toMatchObject({ owner_id: 'u_resident_jj1', path: expect.stringMatching(new RegExp(`^${standin.STANDIN_FILE_PREFIX}photos/`)) })
  const kept = fs.readFileSync(standinFile(storage, row!.path as string))
  expect(kept.includes(GPS_LATITUDE)).toBe(false)
  expect(kept.length).toBe(row!.bytes)

  // WeChat's image check (the stand-in accepts it with a trace id): asked at once, for the uploader's openid
  const [check] = await rows('SELECT f.check_status, c.trace_id FROM files f JOIN file_checks c ON c.file_id = f.id WHERE f.id = $1', [fileId])
  expect(check).toMatchObject({ check_status: 'pending', trace_id: expect.stringMatching(/^stand-in-trace-\d+$/) })

  // attached to a public report: until the check passes only the reporter and the staff see the photo
  const report = await as<{ id: string }>(OPENID.resident, 'report.create', { category: 'environment', description: '5栋门口的路灯坏了一个星期', gridId: 'g_jj_1', photoIds: [fileId], visibility: 'public' }, 'cloud-photo-0002')
  expect(report).toMatchObject({ ok: true })
  const id = report.data!.id
  const unchecked = await as<{ photos: unknown[] }>(OPENID.neighbour, 'report.get', { id })
  expect(unchecked.data!.photos).toEqual([])
  expect(await photoLink(OPENID.worker, id)).toEqual(expect.any(String))
  // the result as WeChat pushes it; the same event from the mini-program is refused
  const result = { MsgType: 'event', Event: 'wxa_media_check', trace_id: check!.trace_id, version: 2, errcode: 0, result: { suggest: 'pass', label: 100 } }
  expect(await pushed(result, 'wx_client')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await pushed(result, 'wx_unknown')).toEqual({ ok: true, data: { recorded: true } })
  const neighbours = await photoLink(OPENID.neighbour, id)
  const seen = await as<TempLinks>(OPENID.neighbour, 'file.links', { links: [neighbours] })
  expect(standinUrlFile(storage, seen.data!.items[0]!.url!)).toEqual(kept)

  // made private: the reporter and the grid worker get temporary URLs, the neighbour's link gets none
  expect(await as(OPENID.resident, 'report.edit', { id, visibility: 'private' }, 'cloud-photo-0003')).toMatchObject({ ok: true })
  const got = await as<TempLinks>(OPENID.worker, 'file.links', { links: [await photoLink(OPENID.resident, id), await photoLink(OPENID.worker, id), neighbours] })
  expect(got.ok).toBe(true)
  const [reporters, workers, refused] = got.data!.items
  expect(standinUrlFile(storage, reporters!.url!)).toEqual(kept)
  expect(standinUrlFile(storage, workers!.url!)).toEqual(kept)
  expect(refused).toEqual({ url: null, expiresAt: null })
  expect(await as(OPENID.neighbour, 'report.get', { id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})

test('another user\'s upload, or a file outside the incoming paths, is FORBIDDEN and stays untouched', async () => {
  const target = await as<{ cloudPath: string }>(OPENID.resident, 'file.uploadTarget')
  const { fileID } = await standin.uploadFile({ cloudPath: target.data!.cloudPath, fileContent: jpegWithGps() })
  const before = await rows('SELECT count(*)::int AS n FROM files')
  expect(await as(OPENID.neighbour, 'file.fromCloud', { fileID })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只能提交自己刚上传的图片' } })
  const elsewhere = fileID.replace('/incoming/', '/photos/')
  expect(await as(OPENID.resident, 'file.fromCloud', { fileID: elsewhere })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await as(OPENID.resident, 'file.fromCloud', { fileID: fileID.replace(`//${standin.STANDIN_ENV}.`, '//another-env.') })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await rows('SELECT count(*)::int AS n FROM files')).toEqual(before)
  expect(fs.existsSync(standinFile(storage, fileID))).toBe(true)
})
