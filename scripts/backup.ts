/**
 * `npm run backup -- <file>`: a consistent backup of GONGZHI_DB (SQLite: the online backup API, while serving;
 * PostgreSQL: pg_dump --format=custom). `npm run restore -- <file>`: SQLite — replaces the file (stop the server
 * first); PostgreSQL — restores into the EMPTY database GONGZHI_DB names. See README "备份与恢复".
 */
import { configFromEnv } from '../cloud/compose'
import { redactUrl } from '../cloud/adapters/postgres/pool'
import { backupDatabase, restoreDatabase } from '../cloud/compose/backup'

async function main() {
  const [command, file, ...rest] = process.argv.slice(2)
  if ((command !== 'backup' && command !== 'restore') || !file || rest.length > 0) {
    console.error('用法：npm run backup -- <备份文件>  或  npm run restore -- <备份文件>')
    process.exit(2)
  }
  const { db } = configFromEnv()
  const where = db.engine === 'sqlite' ? db.file : redactUrl(db.url)
  if (command === 'backup') {
    await backupDatabase(db, file)
    console.log(`已备份 ${where} → ${file}`)
  } else {
    await restoreDatabase(db, file)
    console.log(`已从 ${file} 恢复到 ${where}；下次启动时会升级到当前表结构`)
  }
}

main().catch((err) => {
  console.error(`失败：${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
