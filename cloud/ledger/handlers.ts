import { ledgerContract } from '@/domain/ledger/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { exportLedger } from './exportLedger'

export const ledgerHandlers: Handlers<typeof ledgerContract, Deps> = {
  'ledger.export': exportLedger,
}
