import { ddl } from './migration'

/** Issue 11: the phone a committee publishes for each grid (网格服务电话); NULL until set. */
export const m011GridServicePhone = ddl(
  11,
  'grids.service_phone: the number a committee publishes for a grid',
  `ALTER TABLE grids ADD COLUMN service_phone text CHECK (service_phone IS NULL OR length(service_phone) BETWEEN 3 AND 20)`,
)
