/** Settings from the environment that choose how the server runs: its engine, pool and processes. */
import { availableParallelism } from 'node:os'
import { configFromEnv } from '../../cloud/compose'

test('GONGZHI_PROCESSES: 1 by default, a number from 1 to 64, or auto (one per core); anything else is refused with the rule', () => {
  expect(configFromEnv({}).processes).toBe(1)
  expect(configFromEnv({ GONGZHI_PROCESSES: ' 4 ' }).processes).toBe(4)
  expect(configFromEnv({ GONGZHI_PROCESSES: 'AUTO' }).processes).toBe(availableParallelism())
  for (const bad of ['0', '65', '2.5', 'many', '-1']) {
    expect(() => configFromEnv({ GONGZHI_PROCESSES: bad })).toThrow(`GONGZHI_PROCESSES must be a number of processes from 1 to 64 or "auto", not "${bad}"`)
  }
})

test('GONGZHI_DB: a file path is SQLite, a postgres:// or postgresql:// URL is PostgreSQL with its pool size', () => {
  expect(configFromEnv({}).db).toEqual({ engine: 'sqlite', file: 'data/gongzhi.db' })
  expect(configFromEnv({ GONGZHI_DB: 'postgresql://u:p@h:5432/g', GONGZHI_DB_POOL: '20' }).db).toEqual({
    engine: 'postgres',
    url: 'postgresql://u:p@h:5432/g',
    poolSize: 20,
  })
})
