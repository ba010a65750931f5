/**
 * `npm start` / `npm run serve`: the self-hosted server. PORT (10086), GONGZHI_DB (data/gongzhi.db),
 * seeds the demo community into an empty database, sweeps unattached photos (at start, then hourly), sends
 * due reminders and rechecks reports held for an unavailable content check (at start, then every 5 minutes), listens on HOST (default: this machine only while dev login is
 * on, all interfaces otherwise), closes within HTTP_LIMITS.shutdownMs on SIGINT/SIGTERM. GONGZHI_PROCESSES > 1:
 * that many processes share the port (cluster.ts); the sweeps still run once per round between them (leases).
 */
import { redactUrl } from '../adapters/postgres/pool'
import { configFromEnv, listenHost, openDemoStore, type Config } from '../compose'
import { scheduleOrphanSweep } from '../files'
import { scheduleReminderSweep } from '../reminders'
import { scheduleRecheckSweep } from '../reports'
import { DEMO_COMMUNITIES, DEMO_STREET } from '../seed/demoData'
import { buildServer } from './app'
import { isWorker, runWorkers } from './cluster'
import { HTTP_LIMITS } from './limits'
import { closeWithin } from './shutdown'
import { scheduleWarningSweep } from '../warnings'

/**
 * A start that can never succeed as configured (a schema newer than this code, an unreachable or refused
 * database) exits with 78 (EX_CONFIG) and one line: a supervisor can be told not to restart on it
 * (systemd: RestartPreventExitStatus=78) instead of looping.
 */
export const EXIT_CONFIG = 78

function refuse(message: string): never {
  process.stderr.write(`共治 Gongzhi 未启动：${message}\n`)
  process.exit(EXIT_CONFIG)
}

/** One server: the whole of it when GONGZHI_PROCESSES is 1, else one worker of the cluster (cluster.ts). */
async function serve(config: Config): Promise<{ seeded: boolean }> {
  const { store, seeded } = await openDemoStore(config.db)
  const app = await buildServer({ store })
  app.addHook('onClose', async () => store.close())
  // uploads no report took within a day go: now, then hourly (onClose hooks run last-added first, so the
  // sweep is stopped, and one under way awaited, before the store closes)
  const sweep = scheduleOrphanSweep(app.deps, (removed) => app.log.info({ removed }, 'orphan photos swept'))
  app.addHook('onClose', async () => sweep.stop())
  // reminders (a vote closing tomorrow, …): now, then every 5 minutes; stopped the same way
  const reminders = scheduleReminderSweep(app.deps, (sent) => {
    if (sent.length > 0) app.log.info({ sent }, 'reminders sent')
  })
  app.addHook('onClose', async () => reminders.stop())
  // reports held because the content check could not answer: checked again now, then every 5 minutes
  const rechecks = scheduleRecheckSweep(app.deps, (done) => {
    if (done.released + done.kept + done.retried > 0) app.log.info({ rechecked: done }, 'held reports rechecked')
  })
  app.addHook('onClose', async () => rechecks.stop())
  // 预测预警: the warnings sweep now, then hourly (once across processes); stopped the same way
  const warnings = scheduleWarningSweep(app.deps, (raised) => {
    if (raised.length > 0) app.log.info({ raised }, 'warnings raised')
  })
  app.addHook('onClose', async () => warnings.stop())

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'closing')
    closeWithin(app, HTTP_LIMITS.shutdownMs).then(
      ({ forced }) => {
        if (forced) app.log.warn('closed the connections still open at the shutdown deadline')
        process.exit(0)
      },
      (err) => {
        app.log.error({ err }, 'close failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  await app.listen({ port: config.port, host: listenHost(config) })
  return { seeded }
}

/** What the operator reads once the server (every process of it) listens. */
function printBanner(config: Config, seeded: boolean): void {
  const host = listenHost(config)
  const community = DEMO_COMMUNITIES[0]?.name ?? ''
  const lines = [
    '',
    `共治 Gongzhi 已启动：http://localhost:${config.port}`,
    `数据库：${config.db.engine === 'sqlite' ? config.db.file : `PostgreSQL ${redactUrl(config.db.url)}`}${seeded ? '（已写入演示数据）' : ''}`,
  ]
  if (config.processes > 1) lines.push(`进程数：${config.processes}（GONGZHI_PROCESSES，共用 ${config.port} 端口）`)
  lines.push(`监听地址：${host}${host === 'localhost' ? '（仅本机可访问；设置 HOST=0.0.0.0 可让其他设备访问）' : ''}`)
  if (config.devLogin) {
    lines.push(
      config.devLoginRemote
        ? '注意：开发登录已开启（GONGZHI_DEV_LOGIN=1），能访问此地址的任何人都可以用任意身份登录。正式部署请勿设置。'
        : '开发登录已开启，只接受本机（127.0.0.1 / ::1）的请求；需要从其他设备登录时设置 GONGZHI_DEV_LOGIN=1（能访问的任何人都可以用任意身份登录）。正式部署请设 NODE_ENV=production。',
    )
    lines.push(
      '演示登录：打开上面的地址，在登录页点身份按钮（开发登录 auth.devLogin，每次新建一个该身份的用户）：',
      `  居民    ${community} 第一网格的已认证住户：看通知、随手拍、在“议事”里投票`,
      `  志愿者  ${community} 第一网格的居民兼志愿者：在“巡逻”里报名、签到、记录`,
      `  网格员  负责 ${community} 第一网格`,
      `  社区    ${community} 工作人员：发布通知、起草议题和组织表决、安排巡逻、处理上报的问题`,
      `  街道    ${DEMO_STREET.name} 工作人员：看辖区社区的通知和统计`,
    )
  } else {
    lines.push('开发登录已关闭（NODE_ENV=production）；设置 GONGZHI_DEV_LOGIN=1 可打开，或配置 WECHAT_APPID / WECHAT_SECRET 使用微信登录。')
  }
  process.stdout.write(lines.join('\n') + '\n\n')
}

async function main() {
  const config = configFromEnv()
  if (config.processes > 1 && !isWorker()) {
    // migrate and seed once, before any worker starts
    const { store, seeded } = await openDemoStore(config.db)
    await store.close()
    await runWorkers(config.processes, { info: (m) => process.stdout.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) })
    printBanner(config, seeded)
    return
  }
  const { seeded } = await serve(config)
  if (!isWorker()) printBanner(config, seeded)
}

main().catch((err) => {
  if (err instanceof Error && err.name === 'SchemaTooNewError') refuse(err.message)
  // the database may come back (a restart, a network cut): exit 1, so a supervisor tries again later
  if (err instanceof Error && err.name === 'DatabaseUnreachableError') {
    process.stderr.write(`共治 Gongzhi 未启动：${err.message}\n`)
    process.exit(1)
  }
  console.error(err)
  process.exit(1)
})
