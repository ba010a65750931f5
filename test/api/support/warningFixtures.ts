/** What the warnings API tests share: the demo's people, the sweep run in-process and in racing processes. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { raiseWarnings } from '../../../cloud/warnings'
import type { Harness } from './harness'

export { COMMITTEE, OTHER_COMMITTEE, STREET, VERIFIED, WORKER } from './demoUsers'
export { CITY, DISTRICT, VOLUNTEER, WORKER2 } from './visitFixtures'

export const WARNING_TABLES = ['warnings', 'warning_assessments', 'warning_rules', 'messages', 'idempotency', 'audit_log'] as const

/** The seeded spike (cloud/seed/seedWarnings.ts) plus the demo's own 环境卫生 report of 第一网格 this week. */
export const SPIKE_IDS = ['r_demo_garbage', 'r_demo_spike_1', 'r_demo_spike_2', 'r_demo_spike_3', 'r_demo_spike_4', 'r_demo_spike_5', 'r_demo_spike_6']

export async function sweep(h: Harness) {
  return raiseWarnings(h.deps)
}

/** The one warning the seeded spike raises (sweeping first). */
export async function seededWarning(h: Harness): Promise<string> {
  await sweep(h)
  return String(await h.sql.value("SELECT id FROM warnings WHERE signal = 'spike' AND grid_id = 'g_jj_1'"))
}

export const assessInput = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  participants: ['陈秀兰', '物业王经理'],
  judgement: 'act',
  actions: [{ kind: 'patrol', note: '本周五晚加巡一次' }, { kind: 'notice', note: '发布垃圾分类提示' }],
  note: '第一网格环境卫生报事集中，主要是垃圾清运不及时。',
  close: false,
  ...over,
})

/** Sweeps in `processes` worker processes with their own connections, released at once. */
export async function racingSweeps(location: string, now: string, processes: number, runs = 1): Promise<unknown[]> {
  const root = path.resolve(__dirname, '../../..')
  const children = Array.from({ length: processes }, () =>
    spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sweepWorker.ts'), JSON.stringify({ location, now, runs })], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] }),
  )
  const runsOf = children.map((child) => {
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    const ready = new Promise<void>((resolve, reject) => {
      child.stdout.on('data', () => (out.includes('ready\n') ? resolve() : undefined))
      child.once('exit', (code) => reject(new Error(`sweep worker exited (${code}) before ready: ${err}`)))
    })
    const done = new Promise<unknown[]>((resolve, reject) => {
      child.once('exit', (code) => {
        if (code !== 0) return reject(new Error(`sweep worker exited with ${code}: ${err}`))
        resolve(JSON.parse(out.split('\n').find((l) => l.startsWith('[')) ?? '[]') as unknown[])
      })
    })
    return { child, ready, done }
  })
  await Promise.all(runsOf.map((r) => r.ready))
  for (const r of runsOf) r.child.stdin.end('go\n')
  return (await Promise.all(runsOf.map((r) => r.done))).flat()
}
