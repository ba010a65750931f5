import { overviewContract } from '@/domain/overview/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { getOverview } from './getOverview'
import { viewMap } from './viewMap'

export const overviewHandlers: Handlers<typeof overviewContract, Deps> = {
  'overview.get': getOverview,
  'overview.map': viewMap,
}
