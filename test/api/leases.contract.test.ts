/** The leases port contract (test/contract/leases.contract.ts) on SQLite: each test on a new temporary file. */
import { openSqliteEngine } from '../contract/engines'
import { leasesContract } from '../contract/leases.contract'

leasesContract('SQLite', openSqliteEngine)
