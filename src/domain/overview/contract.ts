import { read } from '../shared/contract'
import { overviewGetSchema, type Overview } from '.'
import { overviewMapSchema, type OverviewMap } from './map'

/** 总览: an area's figures over a period (staff only). */
export const overviewContract = {
  'overview.get': read(overviewGetSchema).returns<Overview>(),
  'overview.map': read(overviewMapSchema).returns<OverviewMap>(),
}
