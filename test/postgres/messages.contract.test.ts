/**
 * The messages, files and reminders port contract (test/contract/messages.contract.ts) on PostgreSQL, with SQLite
 * as the reference: every scenario runs on both and the deterministic results must be deep-equal. Each test gets a
 * new database, copied from one migrated at the start (CREATE DATABASE … TEMPLATE), with a pool larger than the
 * races' 20 calls, connected beforehand, so those run in 20 concurrent sessions.
 */
import { postgresRepositories } from '../../cloud/adapters/postgres/repositories'
import { inTransaction } from '../../cloud/adapters/postgres/tx'
import { postgresFixtures } from '../contract/fixtures'
import { postgresEngines } from '../contract/engines'
import { messagesContract, openSqliteMessagesEngine, ATTACH_SQL, type MessagesContractEngine } from '../contract/messages.contract'

jest.setTimeout(60_000)

const postgres = postgresEngines()

async function openPostgres(): Promise<MessagesContractEngine> {
  const { pool, exec, close } = await postgres.open()
  return {
    store: postgresRepositories(pool),
    fixtures: postgresFixtures(pool),
    async attach(reportId, fileId) {
      await inTransaction(pool, async (c) => {
        await c.query(ATTACH_SQL[0], [reportId])
        await c.query(ATTACH_SQL[1], [reportId, fileId])
      })
    },
    exec,
    close,
  }
}

messagesContract('PostgreSQL', openPostgres, { reference: openSqliteMessagesEngine })
