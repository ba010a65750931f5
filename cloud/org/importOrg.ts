import type { OrgOutcome, OrgRepo } from './ports'
import { parseOrgSheet } from './sheet'

/**
 * An operator loads the city's organisation from a sheet: the whole file is checked first (any problem refuses
 * it, nothing written), then applied in one transaction. Importing the same sheet again changes nothing.
 */
export async function importOrg(csv: string, store: { org: OrgRepo }): Promise<OrgOutcome> {
  return store.org.apply(parseOrgSheet(csv))
}
