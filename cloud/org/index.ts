export type { OrgCount, OrgOutcome, OrgRepo, OrgRow } from './ports'
export { importOrg } from './importOrg'
export { ORG_COLUMNS, parseOrgSheet } from './sheet'
