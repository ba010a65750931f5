import { read } from '../shared/contract'
import { overviewGetSchema, type Overview } from '.'

/** 总览: an area's figures over a period (staff only). */
export const overviewContract = {
  'overview.get': read(overviewGetSchema).returns<Overview>(),
}
