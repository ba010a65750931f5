import { overviewContract } from '@/domain/overview/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { getOverview } from './getOverview'

export const overviewHandlers: Handlers<typeof overviewContract, Deps> = {
  'overview.get': getOverview,
}
