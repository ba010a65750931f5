/**
 * Photos over the HTTP door (issue 4): POST /upload and GET /files/:id on a real loopback server
 * (fastify.inject cannot load under jest, see http.test.ts). Hostile uploads are refused by content, and a
 * refused upload leaves nothing behind: no row in `files`, no file in the uploads folder.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { fixedClock } from '../../cloud/adapters/system/clock'
import { sweepOrphanPhotos } from '../../cloud/files/sweepOrphanPhotos'
import { buildServer } from '../../cloud/server/app'
import { openTestStore, tempDir, type TestStore } from './support/harness'
import type { Store } from '../../cloud/compose'
import { GIF_16, JPEG_16, PHP, SVG, WEBP_16, bigPng, chunk, png } from './support/images'

const START = '2025-03-01T02:00:00.000Z'
let dir: string
let uploads: string
let opened: TestStore
let store: Store
let app: FastifyInstance
let url: string
const clock = fixedClock(START)

beforeAll(async () => {
  dir = tempDir()
  uploads = path.join(dir, 'photos')
  opened = await openTestStore()
  store = opened.store
  app = await buildServer({
    store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_UPLOADS: uploads },
    staticDir: path.join(dir, 'no-h5'),
    deps: { clock },
  })
  url = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await opened.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
beforeEach(() => clock.set(START))

async function login(role = 'resident'): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'auth.devLogin', payload: { role } }),
  })
  const body = (await res.json()) as { data: { token: string; user: { id: string } } }
  return { token: body.data.token, userId: body.data.user.id }
}

interface Part {
  bytes: Buffer
  name?: string
  type?: string
  field?: string
}

async function upload(parts: Part[], token: string | null, extra: Record<string, string> = {}) {
  const form = new FormData()
  for (const [k, v] of Object.entries(extra)) form.append(k, v)
  for (const p of parts) form.append(p.field ?? 'file', new Blob([new Uint8Array(p.bytes)], { type: p.type ?? 'image/jpeg' }), p.name ?? 'photo.jpg')
  const res = await fetch(`${url}/upload`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: JSON.parse(text) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } } }
}

const rows = async () => ((await opened.sql.get('SELECT count(*) AS n FROM files')) as { n: number }).n

/** every file under the uploads folder, temp files included */
function blobsOnDisk(): string[] {
  if (!fs.existsSync(uploads)) return []
  return (fs.readdirSync(uploads, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(uploads, f)).isFile())
}

async function get(pathAndQuery: string) {
  const res = await fetch(`${url}${pathAndQuery}`)
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
}

test.each([
  ['JPEG', JPEG_16, 'image/jpeg', 'jpg', 16, 16],
  ['PNG', png(3, 2), 'image/png', 'png', 3, 2],
  ['WebP', WEBP_16, 'image/webp', 'webp', 16, 16],
])('a good %s is stored: row with owner, mime, size, sha256; the blob under ab/<id>.ext', async (_n, bytes, mime, ext, w, h) => {
  const { token, userId } = await login()
  // the declared name and type are ignored: the content decides
  const r = await upload([{ bytes, name: 'x.bin', type: 'application/octet-stream' }], token)
  expect(r.status).toBe(200)
  expect(r.headers.get('cache-control')).toBe('no-store')
  const fileId = r.body.data!.fileId
  expect(r.body).toEqual({ ok: true, data: { fileId } })
  const file = await store.files.get(fileId)
  expect(file).toMatchObject({ id: fileId, ownerId: userId, mime, bytes: bytes.length, width: w, height: h, createdAt: START })
  expect(file!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))
  expect(file!.path).toBe(`${fileId.slice(0, 2)}/${fileId}.${ext}`)
  expect(fs.readFileSync(path.join(uploads, file!.path)).equals(bytes)).toBe(true)
  expect(await store.files.reportOf(fileId)).toBeNull()
})

test('where a photo was taken (a PNG text chunk with the place) is stripped before it is stored', async () => {
  const { token } = await login()
  const plain = png(3, 2)
  const tagged = Buffer.concat([plain.subarray(0, plain.length - 12), chunk('tEXt', Buffer.from('GPS\u000030.66N 104.06E', 'latin1')), plain.subarray(plain.length - 12)])
  const r = await upload([{ bytes: tagged, name: 'x.png', type: 'image/png' }], token)
  expect(r.status).toBe(200)
  const file = await store.files.get(r.body.data!.fileId)
  const stored = fs.readFileSync(path.join(uploads, file!.path))
  expect(stored.equals(plain)).toBe(true)
  expect(file).toMatchObject({ bytes: plain.length, sha256: createHash('sha256').update(plain).digest('hex') })
})

test.each([
  ['a PHP file named photo.jpg, sent as image/jpeg', PHP, '只能上传 JPG、PNG 或 WebP 图片'],
  ['a GIF', GIF_16, '只能上传 JPG、PNG 或 WebP 图片'],
  ['an SVG with a script', SVG, '只能上传 JPG、PNG 或 WebP 图片'],
  ['a PNG header declaring 100000×100000 (zip bomb)', png(1, 1, { width: 100000, height: 100000 }), '图片尺寸过大'],
  ['a PNG of 8001×1 declared', png(1, 1, { width: 8001, height: 1 }), '图片尺寸过大'],
  ['a PNG of 7000×7000 declared (49 MP)', png(1, 1, { width: 7000, height: 7000 }), '图片尺寸过大'],
  ['an empty file', Buffer.alloc(0), '图片是空的'],
  ['a truncated PNG', png(16, 16).subarray(0, 60), '不完整'],
  ['a PNG cut before IEND', png(16, 16).subarray(0, png(16, 16).length - 12), '不完整'],
  ['a truncated JPEG', JPEG_16.subarray(0, 400), '不完整'],
  ['a truncated WebP', WEBP_16.subarray(0, 300), '不完整'],
])('%s → 400 INVALID_INPUT, nothing stored', async (_n, bytes, message) => {
  const { token } = await login()
  const before = { rows: await rows(), blobs: blobsOnDisk().length }
  const r = await upload([{ bytes, name: 'photo.jpg', type: 'image/jpeg' }], token)
  expect(r.status).toBe(400)
  expect(r.body.ok).toBe(false)
  expect(r.body.error!.code).toBe('INVALID_INPUT')
  expect(r.body.error!.message).toContain(message)
  expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)
})

test('the bounds are inclusive: 8000 px a side and 40 megapixels pass', async () => {
  const { token } = await login()
  const r = await upload([{ bytes: png(1, 1, { width: 8000, height: 5000 }), type: 'image/png' }], token)
  expect(r.status).toBe(200)
  expect(await store.files.get(r.body.data!.fileId)).toMatchObject({ width: 8000, height: 5000 })
})

test('a zip-bomb PNG is refused from its header, fast (never decoded)', async () => {
  const { token } = await login()
  const t0 = Date.now()
  const r = await upload([{ bytes: png(1, 1, { width: 100000, height: 100000 }), type: 'image/png', name: 'a.png' }], token)
  expect(r.status).toBe(400)
  // decoding 10^10 pixels would take minutes and 30 GB; reading the header is instant
  expect(Date.now() - t0).toBeLessThan(2000)
})

test('a 20 MB image → 413 PAYLOAD_TOO_LARGE with a Chinese message; no row, no blob', async () => {
  const { token } = await login()
  const before = { rows: await rows(), blobs: blobsOnDisk().length }
  const big = bigPng(20 * 1024 * 1024)
  const r = await upload([{ bytes: big, type: 'image/png', name: 'big.png' }], token)
  expect(r.status).toBe(413)
  expect(r.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '图片不能超过 5 MB，请压缩后再上传' })
  expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)
  // just under the limit passes: the limit is 5 MB, not less
  const ok = await upload([{ bytes: bigPng(5 * 1024 * 1024 - 1000), type: 'image/png', name: 'ok.png' }], token)
  expect(ok.status).toBe(200)
})

test('two files in one request → 400, nothing stored', async () => {
  const { token } = await login()
  const before = { rows: await rows(), blobs: blobsOnDisk().length }
  const r = await upload([{ bytes: JPEG_16 }, { bytes: png() }], token)
  expect(r.status).toBe(400)
  expect(r.body.error).toEqual({ code: 'INVALID_INPUT', message: '一次只能上传一张图片' })
  expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)
})

test('no file, another field name, or not multipart → 400', async () => {
  const { token } = await login()
  const none = await upload([], token, { note: 'hello' })
  expect(none.status).toBe(400)
  expect(none.body.error!.message).toBe('请选择一张图片')
  const other = await upload([{ bytes: JPEG_16, field: 'photo' }], token)
  expect(other.status).toBe(400)
  expect(other.body.error!.message).toBe('请以字段名 file 上传图片')
  const json = await fetch(`${url}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ file: 'x' }),
  })
  expect(json.status).toBe(400)
  expect(((await json.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT')
})

test('no token, a forged token, or a user outside any community → 401 / 403, nothing stored', async () => {
  const before = { rows: await rows(), blobs: blobsOnDisk().length }
  const none = await upload([{ bytes: JPEG_16 }], null)
  expect(none.status).toBe(401)
  expect(none.body.error).toEqual({ code: 'UNAUTHENTICATED', message: '登录已失效，请重新登录' })
  const forged = await upload([{ bytes: JPEG_16 }], 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.forged')
  expect(forged.status).toBe(401)

  await store.users.create({
    id: 'u-nocommunity', name: '路人', roles: ['resident'], communityId: null, gridId: null, householdId: null,
    verified: false, workerGridIds: [], createdAt: START,
  })
  const { token } = await app.deps.tokens.issue('u-nocommunity')
  const outsider = await upload([{ bytes: JPEG_16 }], token)
  // a person who has not chosen their community yet (first WeChat sign-in) is told to
  expect(outsider.status).toBe(409)
  expect(outsider.body.error).toEqual({ code: 'NO_COMMUNITY', message: '请先选择您所在的社区' })
  expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)
})

test('GET /files/:id with a valid signature → the bytes, the stored type and safe headers', async () => {
  const { token } = await login()
  const { fileId } = (await upload([{ bytes: WEBP_16, name: 'evil.html', type: 'text/html' }], token)).body.data!
  const signed = app.deps.fileUrls.sign(fileId)
  expect(signed).toMatch(new RegExp(`^/files/${fileId}\\?e=\\d+&s=[\\w-]+$`))
  const r = await get(signed)
  expect(r.status).toBe(200)
  expect(r.bytes.equals(WEBP_16)).toBe(true)
  expect(r.headers.get('content-type')).toBe('image/webp')
  expect(r.headers.get('x-content-type-options')).toBe('nosniff')
  expect(r.headers.get('cache-control')).toBe('private, max-age=3600')
  expect(r.headers.get('content-disposition')).toBe('inline')
})

test('GET /files: tampered, expired, another file\'s or missing signature → 403; unknown file → 404', async () => {
  const { token } = await login()
  const a = (await upload([{ bytes: JPEG_16 }], token)).body.data!.fileId
  const b = (await upload([{ bytes: png() }], token)).body.data!.fileId
  const signedA = app.deps.fileUrls.sign(a)
  const q = new URLSearchParams(signedA.split('?')[1])
  const e = q.get('e')!
  const s = q.get('s')!
  const flip = (s[0] === 'A' ? 'B' : 'A') + s.slice(1)

  const refused = async (p: string) => {
    const r = await get(p)
    expect(r.status).toBe(403)
    const body = JSON.parse(r.bytes.toString()) as { ok: boolean; error: { code: string; message: string } }
    expect(body).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '图片链接无效或已过期，请刷新页面' } })
  }
  await refused(`/files/${a}?e=${e}&s=${flip}`) // tampered signature
  await refused(`/files/${a}?e=${Number(e) + 600}&s=${s}`) // stretched expiry
  await refused(`/files/${b}?e=${e}&s=${s}`) // A's signature on B
  await refused(`/files/${a}`) // none
  await refused(`/files/${a}?e=${e}&s=${s}&s=${s}`) // repeated parameter
  expect((await get(signedA)).status).toBe(200)
  clock.advance(2 * 60 * 60 * 1000)
  await refused(signedA) // expired

  const ghost = app.deps.fileUrls.sign('nosuchfile')
  const r = await get(ghost)
  expect(r.status).toBe(404)
  expect(JSON.parse(r.bytes.toString()).error.code).toBe('NOT_FOUND')
})

test('POST /upload is rate limited per user like /api: over the limit → 429 RATE_LIMITED, nothing stored', async () => {
  const limited = await buildServer({
    store,
    env: { GONGZHI_RATE_LIMIT: '2', NODE_ENV: 'test', GONGZHI_UPLOADS: uploads },
    staticDir: path.join(dir, 'no-h5'),
    deps: { clock },
  })
  const base = await limited.listen({ port: 0, host: '127.0.0.1' })
  try {
    const { token } = await login()
    const send = async () => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(JPEG_16)], { type: 'image/jpeg' }), 'a.jpg')
      const res = await fetch(`${base}/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } })
      return { status: res.status, body: (await res.json()) as { error?: { code: string } } }
    }
    expect((await send()).status).toBe(200)
    expect((await send()).status).toBe(200)
    const before = { rows: await rows(), blobs: blobsOnDisk().length }
    const third = await send()
    expect(third.status).toBe(429)
    expect(third.body.error!.code).toBe('RATE_LIMITED')
    expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)
  } finally {
    await limited.close()
  }
})

// ---------- the cap on unattached uploads, and the orphan sweep ----------

const HOUR = 60 * 60 * 1000
const at = (ms: number) => new Date(Date.parse(START) + ms).toISOString()

async function api<T>(action: string, payload: unknown, token: string): Promise<{ ok: boolean; data?: T; error?: { code: string } }> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, payload }),
  })
  return (await res.json()) as { ok: boolean; data?: T; error?: { code: string } }
}

/** a report of the token's user that takes these photos */
async function attach(token: string, photoIds: string[]): Promise<string> {
  const r = await api<{ id: string }>('report.create', { category: 'environment', description: '楼下垃圾堆了三天没人清理', photoIds }, token)
  expect(r.ok).toBe(true)
  return r.data!.id
}

const fileRow = async (id: string) => await opened.sql.get('SELECT id FROM files WHERE id = ?', [id])
const blobOf = async (id: string) => path.join(uploads, (await store.files.get(id))!.path)

describe('at most 30 unattached uploads of the last 24 hours per user', () => {
  test('the 31st → 429 RATE_LIMITED with a Chinese message, no row, no blob; a report taking photos, or time, makes room', async () => {
    const { token, userId } = await login()
    const ids: string[] = []
    for (let i = 0; i < 30; i++) {
      const r = await upload([{ bytes: JPEG_16 }], token)
      expect(r.status).toBe(200)
      ids.push(r.body.data!.fileId)
    }
    const before = { rows: await rows(), blobs: blobsOnDisk().length }
    const refused = await upload([{ bytes: JPEG_16 }], token)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '上传的照片太多，请先提交问题或稍后再试' } })
    expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual(before)

    // another user is not held by this one's count
    expect((await upload([{ bytes: JPEG_16 }], (await login()).token)).status).toBe(200)

    // photos a report holds no longer count: two taken → two more uploads, then refused again
    await attach(token, ids.slice(0, 2))
    expect((await upload([{ bytes: JPEG_16 }], token)).status).toBe(200)
    expect((await upload([{ bytes: JPEG_16 }], token)).status).toBe(200)
    expect((await upload([{ bytes: JPEG_16 }], token)).status).toBe(429)

    // uploads older than 24 hours no longer count (the window's edge is exact)
    clock.set(at(24 * HOUR - 1))
    expect((await upload([{ bytes: JPEG_16 }], token)).status).toBe(429)
    clock.set(at(24 * HOUR + 1))
    expect((await upload([{ bytes: JPEG_16 }], token)).status).toBe(200)
    const owned = (await opened.sql.get('SELECT count(*) AS n FROM files WHERE owner_id = ?', [userId])) as { n: number }
    expect(owned.n).toBe(33)
  })

  test('40 uploads at once from one user → exactly 30 stored, 10 refused, no stray blobs', async () => {
    const { token, userId } = await login()
    const before = { rows: await rows(), blobs: blobsOnDisk().length }
    const results = await Promise.all(Array.from({ length: 40 }, () => upload([{ bytes: png(4, 4), type: 'image/png' }], token)))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    for (const r of results.filter((x) => x.status === 429)) expect(r.body.error!.code).toBe('RATE_LIMITED')
    expect({ rows: await rows(), blobs: blobsOnDisk().length }).toEqual({ rows: before.rows + 30, blobs: before.blobs + 30 })
    // every stored row has its blob, and every new blob has its row
    const mine = (await opened.sql.all('SELECT path FROM files WHERE owner_id = ?', [userId])) as { path: string }[]
    expect(mine).toHaveLength(30)
    for (const f of mine) expect(fs.existsSync(path.join(uploads, f.path))).toBe(true)
  })
})

describe('sweepOrphanPhotos: unattached uploads older than 24 hours go, row and blob', () => {
  /** unattached rows created before the cutoff, which the sweep must remove (earlier tests' uploads too) */
  const orphansBefore = async (cutoff: string) =>
    ((await opened.sql.get('SELECT count(*) AS n FROM files f WHERE f.created_at < ? AND NOT EXISTS (SELECT 1 FROM report_photos p WHERE p.file_id = f.id)', [cutoff])) as { n: number }).n

  test('old unattached → removed; recent unattached and old attached → kept; a missing blob is fine', async () => {
    clock.set(at(10 * 24 * HOUR))
    const { token } = await login()
    const old = (await upload([{ bytes: JPEG_16 }], token)).body.data!.fileId
    const oldGone = (await upload([{ bytes: png() }], token)).body.data!.fileId
    const oldAttached = (await upload([{ bytes: WEBP_16 }], token)).body.data!.fileId
    await attach(token, [oldAttached])
    clock.set(at(10 * 24 * HOUR + 1))
    const recent = (await upload([{ bytes: JPEG_16 }], token)).body.data!.fileId
    const oldBlob = await blobOf(old)
    fs.rmSync(await blobOf(oldGone)) // a blob already gone does not stop the sweep

    // now: `old` is 24 h + 1 ms old (goes), `recent` exactly 24 h (stays)
    clock.set(at(11 * 24 * HOUR + 1))
    const expected = await orphansBefore(at(10 * 24 * HOUR + 1))
    expect(expected).toBeGreaterThanOrEqual(2)
    expect(await sweepOrphanPhotos(app.deps)).toEqual({ removed: expected })
    expect(await fileRow(old)).toBeUndefined()
    expect(fs.existsSync(oldBlob)).toBe(false)
    expect(await fileRow(oldGone)).toBeUndefined()
    expect(await fileRow(recent)).toBeDefined()
    expect(fs.existsSync(await blobOf(recent))).toBe(true)
    expect(await fileRow(oldAttached)).toBeDefined()
    expect(fs.existsSync(await blobOf(oldAttached))).toBe(true)
    // no unattached row older than a day is left, and a second sweep has nothing to do
    expect(await orphansBefore(at(10 * 24 * HOUR + 1))).toBe(0)
    expect(await sweepOrphanPhotos(app.deps)).toEqual({ removed: 0 })

    // a photo signed before the sweep now answers 404
    expect((await get(app.deps.fileUrls.sign(old))).status).toBe(404)
  })

  test('a photo a report.edit replaced is swept a day later', async () => {
    const { token } = await login()
    const first = (await upload([{ bytes: JPEG_16 }], token)).body.data!.fileId
    const second = (await upload([{ bytes: png() }], token)).body.data!.fileId
    const reportId = await attach(token, [first])
    const edited = await api('report.edit', { id: reportId, photoIds: [second] }, token)
    expect(edited.ok).toBe(true)
    expect(await store.files.reportOf(first)).toBeNull()
    clock.set(at(24 * HOUR + 1))
    const firstBlob = await blobOf(first)
    await sweepOrphanPhotos(app.deps)
    expect(await fileRow(first)).toBeUndefined()
    expect(fs.existsSync(firstBlob)).toBe(false)
    expect(await fileRow(second)).toBeDefined()
  })

  test('a report that takes the photo while the sweep runs keeps it (the delete is conditional)', async () => {
    const { token } = await login()
    const photo = (await upload([{ bytes: JPEG_16 }], token)).body.data!.fileId
    const other = (await upload([{ bytes: png() }], token)).body.data!.fileId
    clock.set(at(2 * 24 * HOUR))
    let reportId = ''
    // the report takes the photo after the sweep listed it as unattached, before the sweep deletes it
    const files = {
      ...store.files,
      listUnattached: async (...a: Parameters<typeof store.files.listUnattached>) => {
        const listed = await store.files.listUnattached(...a)
        if (listed.some((f) => f.id === photo) && !reportId) reportId = await attach(token, [photo])
        return listed
      },
    }
    const racing = { ...app.deps, store: { ...store, files } }
    const { removed } = await sweepOrphanPhotos(racing)
    expect(reportId).not.toBe('')
    expect(removed).toBeGreaterThanOrEqual(1)
    expect(await fileRow(photo)).toBeDefined()
    expect(fs.existsSync(await blobOf(photo))).toBe(true)
    expect(await store.files.reportOf(photo)).toBe(reportId)
    expect(await fileRow(other)).toBeUndefined()
    // the report still shows the photo
    const view = await api<{ photos: { id: string; url: string }[] }>('report.get', { id: reportId }, token)
    expect(view.data!.photos.map((p) => p.id)).toEqual([photo])
    expect((await get(view.data!.photos[0]!.url)).status).toBe(200)
  })
})
