/**
 * Fixtures for the report API tests (issue 4): who is who in the demo seed, photos (files rows), and a report
 * brought to any state and level through the API itself (closed: see makeReport).
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { ApiReply } from '@/domain/shared/envelope'
import { REPORT_LEVEL_LABELS, REPORT_LEVELS, type ReportCategory, type ReportLevel, type ReportStatus, type ReportView, type ReportVisibility } from '@/domain/reports'
import { NOW, type Harness } from './harness'

/** The demo seed's people (cloud/seed/demoData.ts). Both communities belong to 振兴街道. */
export const WHO = {
  /** 王建华, verified, 锦江社区 第一网格: the reporter of the fixtures' reports */
  resident: 'u_resident_jj1',
  /** 杨春敏, verified resident and volunteer, 锦江 第一网格 (the reporter's neighbour) */
  volunteer: 'u_volunteer_jj1',
  /** 李秀芳, verified, 锦江 第二网格 */
  resident2: 'u_resident_jj2',
  /** 张国军, not verified (application pending), 锦江 第三网格 */
  unverified: 'u_resident_jj3',
  /** 黄德静, verified, 临江村 第一网格 */
  residentOther: 'u_resident_lj1',
  /** 孙丽, 网格员 of 锦江 第一网格 */
  worker: 'u_worker_jj1',
  /** 周强, 网格员 of 锦江 第二、三网格 */
  worker2: 'u_worker_jj2',
  /** 陈秀兰, 锦江社区 committee */
  committee: 'u_committee_jj',
  /** 刘建国, 临江村 committee */
  committeeOther: 'u_committee_lj',
  /** 赵明, 振兴街道 */
  street: 'u_street',
  /** 钱卫东, 滨江区综治中心 (振兴街道 is in 滨江区) */
  district: 'u_district',
  /** 冯雅琴, 江城市综治中心 */
  city: 'u_city',
} as const
export type Who = keyof typeof WHO

export const REPORTER_NAME = '王建华'
export const REPORTER_PHONE = '13900000001'

export const GOOD_DESCRIPTION = '3栋楼下垃圾堆了三天没人清运，气味很大'

/** A photo the owner uploaded (a files row; the blob is not needed by the report actions). */
export async function addPhoto(h: Harness, ownerId: string): Promise<string> {
  const id = `f_${randomBytes(8).toString('hex')}`
  await h.sql.run(
    `INSERT INTO files (id, owner_id, mime, bytes, width, height, sha256, path, created_at)
     VALUES (?, ?, 'image/jpeg', 2048, 640, 480, ?, ?, ?)`,
    [id, ownerId, randomBytes(32).toString('hex'), `test/${id}.jpg`, h.clock.now().toISOString()],
  )
  return id
}

const gridWorkers = new WeakMap<Harness, Map<string, string>>()

/** The 网格员 who handles a grid-level report of that grid (临江村 has none in the seed: one is made once). */
export async function workerOf(h: Harness, gridId: string): Promise<string> {
  if (gridId === 'g_jj_1') return WHO.worker
  if (gridId === 'g_jj_2' || gridId === 'g_jj_3') return WHO.worker2
  let made = gridWorkers.get(h)
  if (!made) gridWorkers.set(h, (made = new Map()))
  const known = made.get(gridId)
  if (known) return known
  const id = await h.devLogin({ role: 'gridWorker', gridId, name: '临江网格员' })
  made.set(gridId, id)
  return id
}

export function committeeOf(report: { gridId: string }): string {
  return report.gridId.startsWith('g_lj_') ? WHO.committeeOther : WHO.committee
}

export async function handlerOf(h: Harness, report: { gridId: string; level: ReportLevel }): Promise<string> {
  if (report.level === 'grid') return workerOf(h, report.gridId)
  if (report.level === 'community') return committeeOf(report)
  return WHO[report.level]
}

export interface ReportSpec {
  status?: ReportStatus
  level?: ReportLevel
  reporter?: string
  category?: ReportCategory
  visibility?: ReportVisibility
  anonymous?: boolean
  /** the grid picked on the form (else the reporter's grid) */
  gridId?: string
  photos?: number
  description?: string
  /** made 30 days before NOW, so every deadline of an open report has passed */
  overdue?: boolean
}

const DAY = 24 * 3600 * 1000

/**
 * A report in the asked state and level, through the API: create (as the reporter), escalate up to the level
 * (each level's handler), then accept/return/resolve/rate/reject/withdraw. `closed` is a report resolved 30
 * days back, closed by the read that follows (the 7-day auto-close).
 */
export async function makeReport(h: Harness, spec: ReportSpec = {}): Promise<ReportView> {
  const reporter = spec.reporter ?? WHO.resident
  const status = spec.status ?? 'submitted'
  const level = spec.level ?? 'grid'
  const back = spec.overdue || status === 'closed'
  if (back) h.clock.set(new Date(Date.parse(NOW) - 30 * DAY))
  try {
    const photoIds = await Promise.all(Array.from({ length: spec.photos ?? 0 }, () => addPhoto(h, reporter)))
    let r = await h.ok<ReportView>(
      'report.create',
      {
        category: spec.category ?? 'environment',
        description: spec.description ?? GOOD_DESCRIPTION,
        ...(photoIds.length ? { photoIds } : {}),
        ...(spec.gridId ? { gridId: spec.gridId } : {}),
        ...(spec.anonymous !== undefined ? { anonymous: spec.anonymous } : {}),
        ...(spec.visibility ? { visibility: spec.visibility } : {}),
      },
      reporter,
    )
    const step = async (action: string, as: string, extra: Record<string, unknown> = {}) => {
      r = await h.ok<ReportView>('report.transition', { id: r.id, action, ...extra }, as)
    }
    const climb = REPORT_LEVELS.indexOf(level)
    for (let i = 0; i < climb; i++) await step('escalate', await handlerOf(h, r), { note: `无法解决，上报${REPORT_LEVEL_LABELS[REPORT_LEVELS[i + 1]!]}` })
    const handler = await handlerOf(h, r)
    switch (status) {
      case 'submitted':
        break
      case 'returned':
        await step('return', handler, { note: '请补充具体位置' })
        break
      case 'accepted':
        await step('accept', handler)
        break
      case 'resolved':
      case 'closed':
        await step('accept', handler)
        await step('resolve', handler, { note: '已安排清运' })
        break
      case 'rejected':
        await step('reject', handler, { note: '重复上报' })
        break
      case 'withdrawn':
        r = await h.ok<ReportView>('report.transition', { id: r.id, action: 'withdraw' }, reporter)
        break
    }
    if (back) h.clock.set(NOW)
    // reading it closes a report resolved more than 7 days ago (the sweep before every read)
    if (status === 'closed') r = await h.ok<ReportView>('report.get', { id: r.id }, reporter)
    if (r.status !== status || r.level !== level) throw new Error(`makeReport: wanted ${status}/${level}, got ${r.status}/${r.level}`)
    return r
  } finally {
    if (back) h.clock.set(NOW)
  }
}

export function reportRow(h: Harness, id: string): Promise<Record<string, unknown> | undefined> {
  return h.sql.get('SELECT * FROM reports WHERE id = ?', [id])
}

export function eventsOf(h: Harness, id: string): Promise<{ action: string; actor_id: string | null }[]> {
  return h.sql.all('SELECT action, actor_id FROM report_events WHERE report_id = ? ORDER BY id', [id])
}

const ROOT = path.resolve(__dirname, '../../..')
const WORKER = path.join(__dirname, 'raceWorker.ts')

export interface RaceJob {
  action: string
  payload: unknown
  userId: string
  requestId?: string
  /** dispatches fired at once in this process */
  count: number
}

/**
 * Like race(), but each process runs its own job (accept in one, reject in the other): every process opens
 * its own connection to the store at `location` (h.location), says ready, and all start on one "go". Replies per process, in job order.
 */
export async function raceJobs(location: string, jobs: RaceJob[]): Promise<ApiReply[][]> {
  const children = jobs.map((job) =>
    spawn(process.execPath, ['--import', 'tsx', WORKER, JSON.stringify({ location, ...job })], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] }),
  )
  const runs = children.map((child) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => (out.includes('ready\n') ? resolve() : undefined))
      child.once('exit', (code) => reject(new Error(`worker exited (${code}) before ready: ${err}`)))
    })
    const done = new Promise<ApiReply[]>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`worker exited with ${code}: ${err}`))
        resolve(JSON.parse(out.split('\n').find((l) => l.startsWith('[')) ?? '[]') as ApiReply[])
      })
    })
    return { child, ready, done }
  })
  await Promise.all(runs.map((r) => r.ready))
  for (const r of runs) r.child.stdin.end('go\n')
  return Promise.all(runs.map((r) => r.done))
}
