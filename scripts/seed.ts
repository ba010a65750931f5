/**
 * `npm run seed` — loads the demo 街道 into GONGZHI_DB (default data/gongzhi.db) if it is empty.
 * `npm run seed -- --reset` — deletes the file (and its -wal/-shm) first, then seeds a fresh database.
 * Stop the server first: a reset under a running server leaves it on a deleted file.
 */
import fs from 'node:fs'
import { openSqliteStore } from '../cloud/adapters/sqlite/store'
import { configFromEnv } from '../cloud/compose'
import { DEMO_USERS } from '../cloud/seed/demoData'
import { seedDemo } from '../cloud/seed/seedSqlite'

async function main() {
  const args = process.argv.slice(2)
  const unknown = args.filter((a) => a !== '--reset')
  if (unknown.length > 0) {
    console.error(`未知参数：${unknown.join(' ')}。用法：npm run seed [-- --reset]`)
    process.exit(2)
  }
  const { dbFile, db } = configFromEnv()
  if (db.engine === 'postgres') {
    console.error('GONGZHI_DB 是 PostgreSQL 地址：演示数据目前只能写入 SQLite 文件（PostgreSQL 目前只支持 npm run migrate）。')
    process.exit(2)
  }
  if (args.includes('--reset')) {
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true })
    console.log(`已删除 ${dbFile}`)
  }
  const store = openSqliteStore(dbFile)
  try {
    if (await seedDemo(store.db)) {
      console.log(`已写入演示数据：${dbFile}`)
      console.log('演示用户（编号固定）：')
      for (const u of DEMO_USERS) {
        console.log(`  ${u.id.padEnd(16)} ${u.name}  ${u.roles.join('+')}  ${u.communityId} ${u.gridId ?? u.workerGridIds.join(',')}`)
      }
    } else {
      console.log(`${dbFile} 已有数据，未改动。要重建请运行：npm run seed -- --reset`)
    }
  } finally {
    store.close()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
