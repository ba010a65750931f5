import { randomUUID } from 'node:crypto'
import type { Ids } from '../../shared/ports'

/** Random ids (UUID v4 without dashes: 32 hex chars, safe in URLs and in idSchema). */
export const randomIds: Ids = { newId: () => randomUUID().replace(/-/g, '') }
