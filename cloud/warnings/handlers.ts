import { warningsContract } from '@/domain/warnings/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { assessWarning } from './assessWarning'
import { getWarning } from './getWarning'
import { listWarnings } from './listWarnings'
import { setRules, viewRules } from './rules'
import { summarizeWarnings } from './summarizeWarnings'

export const warningsHandlers: Handlers<typeof warningsContract, Deps> = {
  'warning.list': listWarnings,
  'warning.get': getWarning,
  'warning.assess': assessWarning,
  'warning.rules': viewRules,
  'warning.setRules': setRules,
  'warning.summary': summarizeWarnings,
}
