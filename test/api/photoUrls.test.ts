/**
 * Issue 16, finding 6: a photo URL is bound to what it may show. A URL issued while a report was public kept
 * serving for up to an hour after the reporter made it private; now the URL is signed for the report's audience
 * at that moment and checked against the audience at read, so a change of visibility (or moderation, or the
 * photo leaving the report) ends it. Fresh views carry fresh URLs.
 */
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { ReportView } from '@/domain/reports'
import { buildServer } from '../../cloud/server/app'
import { makeHarness, type Harness } from './support/harness'
import { addPhoto, WHO } from './support/reportFixtures'

let h: Harness
let app: FastifyInstance
let base: string
beforeAll(async () => {
  h = await makeHarness()
  app = await buildServer({
    store: h.store,
    env: { GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_SECRET: 'test-secret-test-secret-test-secret' },
    deps: { clock: h.clock, blobs: h.deps.blobs },
    staticDir: path.join(h.dir, 'none'),
  })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  await h.close()
})

const JPEG = Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex')

async function photo(owner: string): Promise<string> {
  const id = await addPhoto(h, owner)
  await h.deps.blobs.put(`test/${id}.jpg`, JPEG)
  return id
}

const status = async (url: string) => (await fetch(`${base}${url}`)).status
const view = (id: string, as: string) => h.ok<ReportView>('report.get', { id }, as)

test('public → private: the URL a neighbour got stops serving at once; the reporter’s fresh one works', async () => {
  const p = await photo(WHO.resident)
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', photoIds: [p], visibility: 'public' }, WHO.resident)
  const neighbours = (await view(r.id, WHO.resident2)).photos[0]!.url
  expect(await status(neighbours)).toBe(200)
  await h.ok('report.edit', { id: r.id, visibility: 'private' }, WHO.resident)
  expect(await status(neighbours)).toBe(403)
  expect(await h.call('report.get', { id: r.id }, WHO.resident2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await status((await view(r.id, WHO.resident)).photos[0]!.url)).toBe(200)
  expect(await status((await view(r.id, WHO.worker)).photos[0]!.url)).toBe(200)
})

test('a photo the reporter replaced: its old URL stops serving', async () => {
  const p = await photo(WHO.resident)
  const q = await photo(WHO.resident)
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', photoIds: [p], visibility: 'public' }, WHO.resident)
  const old = (await view(r.id, WHO.resident)).photos[0]!.url
  expect(await status(old)).toBe(200)
  await h.ok('report.edit', { id: r.id, photoIds: [q] }, WHO.resident)
  expect(await status(old)).toBe(403)
})

test('the same report shown again (nothing changed): the URL still serves', async () => {
  const p = await photo(WHO.resident)
  const r = await h.ok<ReportView>('report.create', { category: 'environment', description: '楼下垃圾三天没人清运', photoIds: [p], visibility: 'public' }, WHO.resident)
  const url = (await view(r.id, WHO.resident2)).photos[0]!.url
  await h.ok('report.transition', { id: r.id, action: 'accept' }, WHO.worker)
  expect(await status(url)).toBe(200)
})
