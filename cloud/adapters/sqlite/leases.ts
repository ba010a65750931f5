import type { LeaseRepo } from '../../shared/ports'
import type { Db } from './open'

export function leaseRepo(db: Db): LeaseRepo {
  const take = db.prepare(`INSERT INTO leases (name, holder, until) VALUES (@name, @holder, @until)
    ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
    WHERE leases.until <= @now OR leases.holder = excluded.holder`)
  return {
    async take(name, holder, now, until) {
      return take.run({ name, holder, now, until }).changes === 1
    },
  }
}
