/**
 * `npm run seed` — loads the demo 街道 into GONGZHI_DB (default data/gongzhi.db, or a postgres:// URL) if it is empty.
 * `npm run seed -- --reset` — SQLite only: deletes the file (and its -wal/-shm) first, then seeds a fresh database
 * (a PostgreSQL database is never dropped by this script: point GONGZHI_DB at a new one).
 * Stop the server first: a reset under a running server leaves it on a deleted file.
 */
import fs from 'node:fs'
import { redactUrl } from '../cloud/adapters/postgres/pool'
import { configFromEnv, openDemoStore } from '../cloud/compose'
import { DEMO_USERS } from '../cloud/seed/demoData'

async function main() {
  const args = process.argv.slice(2)
  const unknown = args.filter((a) => a !== '--reset')
  if (unknown.length > 0) {
    console.error(`未知参数：${unknown.join(' ')}。用法：npm run seed [-- --reset]`)
    process.exit(2)
  }
  const { db } = configFromEnv()
  const where = db.engine === 'sqlite' ? db.file : redactUrl(db.url)
  if (args.includes('--reset')) {
    if (db.engine === 'postgres') {
      console.error('--reset 只用于 SQLite 文件；PostgreSQL 请新建一个空库，把 GONGZHI_DB 指向它再运行 npm run seed。')
      process.exit(2)
    }
    for (const f of [db.file, `${db.file}-wal`, `${db.file}-shm`]) fs.rmSync(f, { force: true })
    console.log(`已删除 ${db.file}`)
  }
  const { store, seeded } = await openDemoStore(db)
  try {
    if (seeded) {
      console.log(`已写入演示数据：${where}`)
      console.log('演示用户（编号固定）：')
      for (const u of DEMO_USERS) {
        console.log(`  ${u.id.padEnd(16)} ${u.name}  ${u.roles.join('+')}  ${u.communityId} ${u.gridId ?? u.workerGridIds.join(',')}`)
      }
    } else {
      console.log(`${where} 已有数据，未改动。${db.engine === 'sqlite' ? '要重建请运行：npm run seed -- --reset' : ''}`)
    }
  } finally {
    await store.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
