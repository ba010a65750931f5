/**
 * The crash test (issue 16): `kill -9` of the server during a mixed write load — notices published, reports
 * created with a photo uploaded just before, patrol signups — then a restart on the same file. Every write the
 * server acknowledged is there exactly once (and its retry with the same requestId answers the same record), the
 * database passes integrity_check and foreign_key_check, and after the sweep the uploads folder and the files
 * rows agree: no temp leftovers, no blob without a row, no row without a blob.
 *
 * Runs against the server as it runs today (one process); test/support/serverCluster.ts starts N processes on
 * one file (CRASH_PROCESSES), for the multi-process server mode to come.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { fixedClock } from '../../cloud/adapters/system/clock'
import { openSqliteStore } from '../../cloud/adapters/sqlite/store'
import { createDeps } from '../../cloud/compose'
import { scheduleOrphanSweep } from '../../cloud/files'
import { startCluster } from '../support/serverCluster'
import { tempDir } from './support/harness'
import { JPEG_16 } from './support/images'

jest.setTimeout(180_000)

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } }

async function api<T>(url: string, token: string | null, action: string, payload: unknown, requestId?: string): Promise<Reply<T>> {
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, payload, ...(requestId ? { requestId } : {}) }),
    signal: AbortSignal.timeout(20_000),
  })
  return (await res.json()) as Reply<T>
}

async function upload(url: string, token: string): Promise<string | null> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(JPEG_16)], { type: 'image/jpeg' }), 'p.jpg')
  const res = await fetch(`${url}/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(20_000) })
  const body = (await res.json()) as Reply<{ fileId: string }>
  return body.ok ? body.data.fileId : null
}

interface Acked {
  notices: { requestId: string; id: string; title: string }[]
  reports: { requestId: string; id: string; description: string; photoId: string }[]
  uploads: string[]
  signups: { userId: string; shiftId: string }[]
}

test('kill -9 during a mixed write load: every acknowledged write once, integrity clean, no orphan files after the sweep', async () => {
  const dir = tempDir('gongzhi-crash-')
  const db = path.join(dir, 'crash.db')
  const uploads = path.join(dir, 'uploads')
  const env = { GONGZHI_DB: db, GONGZHI_UPLOADS: uploads, GONGZHI_RATE_LIMIT: 'off', NODE_ENV: 'test', GONGZHI_H5_DIR: path.join(dir, 'none'), GONGZHI_SECRET: 'crash-test-secret-crash-test-secret' }
  let cluster = await startCluster(env)
  const urlOf = (i: number) => cluster.urls[i % cluster.urls.length]!

  const login = async (role: string, extra: Record<string, unknown> = {}) => {
    const r = await api<{ token: string; user: { id: string } }>(urlOf(0), null, 'auth.devLogin', { role, ...extra })
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.data
  }
  const committee = await login('committee')
  const residents = await Promise.all(Array.from({ length: 4 }, (_, i) => login('resident', { gridId: `g_jj_${(i % 3) + 1}` })))
  const volunteers = await Promise.all(Array.from({ length: 6 }, () => login('volunteer')))
  const shift = await api<{ shifts: { id: string }[] }>(urlOf(0), committee.token, 'shift.create', {
    title: '崩溃测试巡逻', area: { latitude: 29.7, longitude: 120.2, radius: 300 },
    startAt: '2099-01-01T01:00:00.000Z', endAt: '2099-01-01T03:00:00.000Z', capacity: 3,
  })
  if (!shift.ok) throw new Error(JSON.stringify(shift.error))
  const shiftId = shift.data.shifts[0]!.id

  const acked: Acked = { notices: [], reports: [], uploads: [], signups: [] }
  let stop = false
  let killing = false
  let n = 0
  const swallow = (e: unknown) => {
    if (!killing) throw e // before the kill every request must succeed
  }
  const writers = [
    // notices, with a requestId each
    (async () => {
      while (!stop) {
        const i = n++
        const requestId = `crash-notice-${String(i).padStart(6, '0')}`
        const title = `崩溃测试 ${i}`
        try {
          const r = await api<{ id: string }>(urlOf(i), committee.token, 'notice.publish', { title, body: '写入后服务被 kill -9', category: 'notice' }, requestId)
          if (r.ok) acked.notices.push({ requestId, id: r.data.id, title })
        } catch (e) {
          swallow(e)
        }
      }
    })(),
    // reports, each with a photo uploaded just before
    ...residents.map((who, k) =>
      (async () => {
        while (!stop) {
          const i = n++
          try {
            const photoId = await upload(urlOf(i), who.token)
            if (!photoId) continue
            acked.uploads.push(photoId)
            const requestId = `crash-report-${k}-${String(i).padStart(6, '0')}`
            const description = `崩溃测试问题 ${k}-${i}`
            const r = await api<{ id: string }>(urlOf(i), who.token, 'report.create', { category: 'environment', description, photoIds: [photoId] }, requestId)
            if (r.ok) acked.reports.push({ requestId, id: r.data.id, description, photoId })
          } catch (e) {
            swallow(e)
          }
        }
      })(),
    ),
    // patrol signups racing for three seats
    (async () => {
      for (const [i, v] of volunteers.entries()) {
        if (stop) break
        try {
          const r = await api<{ status: string }>(urlOf(i), v.token, 'shift.signup', { id: shiftId })
          if (r.ok) acked.signups.push({ userId: v.user.id, shiftId })
        } catch (e) {
          swallow(e)
        }
      }
    })(),
  ]
  // kill once enough writes were acknowledged (every kind had its turn), in the middle of the stream
  const deadline = Date.now() + 60_000
  while (acked.notices.length + acked.reports.length < 120 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  // failures count as the kill's only from here: a request refused while the kill is under way is expected
  killing = true
  await cluster.killAll()
  stop = true
  await Promise.all(writers)
  expect(acked.notices.length).toBeGreaterThan(10)
  expect(acked.reports.length).toBeGreaterThan(10)

  // restart on the same file: everything acknowledged is there once, and a retry answers the same record
  cluster = await startCluster(env)
  try {
    for (const a of acked.notices.slice(-20)) {
      const r = await api<{ id: string }>(urlOf(0), committee.token, 'notice.publish', { title: a.title, body: '写入后服务被 kill -9', category: 'notice' }, a.requestId)
      expect(r.ok && r.data.id).toBe(a.id)
    }
    const k = residents.length
    for (const a of acked.reports.slice(-8)) {
      const owner = residents[Number(a.requestId.split('-')[2]) % k]!
      const r = await api<{ id: string }>(urlOf(0), owner.token, 'report.create', { category: 'environment', description: a.description, photoIds: [a.photoId] }, a.requestId)
      expect(r.ok && r.data.id).toBe(a.id)
    }
  } finally {
    await cluster.stopAll()
  }

  const check = new Database(db, { readonly: true })
  try {
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(check.pragma('foreign_key_check')).toEqual([])
    const noticesTitled = check.prepare('SELECT id FROM notices WHERE title = ?')
    for (const a of acked.notices) expect([a.title, noticesTitled.all(a.title)]).toEqual([a.title, [{ id: a.id }]])
    const reportsDescribed = check.prepare('SELECT id FROM reports WHERE description = ?')
    const photoOf = check.prepare('SELECT report_id FROM report_photos WHERE file_id = ?')
    for (const a of acked.reports) {
      expect([a.description, reportsDescribed.all(a.description)]).toEqual([a.description, [{ id: a.id }]])
      expect(photoOf.get(a.photoId)).toEqual({ report_id: a.id })
    }
    const signup = check.prepare("SELECT count(*) AS n FROM shift_signups WHERE shift_id = ? AND user_id = ? AND status <> 'withdrawn'")
    for (const a of acked.signups) expect((signup.get(a.shiftId, a.userId) as { n: number }).n).toBe(1)
    const seated = check.prepare("SELECT count(*) AS n FROM shift_signups WHERE shift_id = ? AND status = 'confirmed'").get(shiftId) as { n: number }
    expect(seated.n).toBeLessThanOrEqual(3)
    const fileRow = check.prepare('SELECT 1 FROM files WHERE id = ?')
    for (const id of acked.uploads.filter((u) => acked.reports.some((r) => r.photoId === u))) expect(fileRow.get(id)).toBeTruthy()
  } finally {
    check.close()
  }

  // the sweep a day later (what the server does hourly): then the folder and the rows agree
  const store = openSqliteStore(db)
  try {
    const later = fixedClock(new Date(Date.now() + 25 * 3600_000))
    const deps = await createDeps(store, { devLogin: false, wechat: null, secret: env.GONGZHI_SECRET, uploadsDir: uploads }, { clock: later, log: { error: (o) => { throw new Error(JSON.stringify(o)) }, warn: () => undefined } })
    // files written just now count as old for the sweep's grace: age them like the clock
    for (const f of fs.readdirSync(uploads, { recursive: true }) as string[]) {
      const full = path.join(uploads, f)
      if (fs.statSync(full).isFile()) fs.utimesSync(full, new Date(Date.now() - 2 * 3600_000), new Date(Date.now() - 2 * 3600_000))
    }
    await scheduleOrphanSweep(deps, () => undefined, 24 * 3600_000).stop()
    const onDisk = (fs.readdirSync(uploads, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(uploads, f)).isFile()).map((f) => f.split(path.sep).join('/'))
    const rows = (store.db.prepare('SELECT path FROM files').all() as { path: string }[]).map((r) => r.path)
    expect(onDisk.filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(onDisk.filter((f) => !rows.includes(f))).toEqual([])
    expect(rows.filter((r) => !onDisk.includes(r))).toEqual([])
    // the reports' photos are all still there
    for (const a of acked.reports) expect(rows).toContain(store.db.prepare('SELECT path FROM files WHERE id = ?').pluck().get(a.photoId))
  } finally {
    store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
