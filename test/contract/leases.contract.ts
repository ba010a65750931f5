/**
 * The port contract of the leases that make a periodic job run in one process at a time (LeaseRepo): declared once,
 * run on SQLite (test/api/leases.contract.test.ts) and PostgreSQL (test/postgres/leases.contract.test.ts). On
 * PostgreSQL the race's calls run in concurrent sessions; on SQLite one connection runs them in turn.
 */
import type { LeaseRepo } from '../../cloud/shared/ports'

export interface LeasesContractEngine {
  store: { leases: LeaseRepo }
  close(): Promise<void>
}

const NOW = '2025-03-01T02:00:00.000Z'
const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

export function leasesContract(label: string, open: () => Promise<LeasesContractEngine>) {
  describe(`LeaseRepo on ${label}`, () => {
    let engine: LeasesContractEngine
    let leases: LeaseRepo
    beforeEach(async () => {
      engine = await open()
      leases = engine.store.leases
    })
    afterEach(() => engine.close())

    test('the first holder takes a free lease; another holder is refused until it runs out, then takes it', async () => {
      expect(await leases.take('reminders', 'a', NOW, at(5))).toBe(true)
      expect(await leases.take('reminders', 'b', at(1), at(6))).toBe(false)
      expect(await leases.take('reminders', 'b', at(4), at(9))).toBe(false)
      expect(await leases.take('reminders', 'b', at(5), at(10))).toBe(true)
      expect(await leases.take('reminders', 'a', at(6), at(11))).toBe(false)
    })

    test('the holder renews its own lease, even before it runs out; leases of other names are apart', async () => {
      expect(await leases.take('reminders', 'a', NOW, at(5))).toBe(true)
      expect(await leases.take('reminders', 'a', at(1), at(6))).toBe(true)
      expect(await leases.take('reminders', 'b', at(5), at(10))).toBe(false)
      expect(await leases.take('photoSweep', 'b', at(1), at(61))).toBe(true)
    })

    test('twenty processes taking a free lease at once: exactly one holds it', async () => {
      const holders = Array.from({ length: 20 }, (_, i) => `p${i}`)
      const taken = await Promise.all(holders.map((h) => leases.take('reminders', h, NOW, at(5))))
      expect(taken.filter(Boolean)).toHaveLength(1)
      const winner = holders[taken.indexOf(true)]!
      expect(await leases.take('reminders', winner, at(1), at(6))).toBe(true)
    })

    test('twenty processes taking a run-out lease at once: exactly one holds it', async () => {
      expect(await leases.take('reminders', 'old', NOW, at(5))).toBe(true)
      const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => leases.take('reminders', `p${i}`, at(6), at(11))))
      expect(taken.filter(Boolean)).toHaveLength(1)
    })
  })
}
