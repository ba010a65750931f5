/** Users of the demo seed (cloud/seed/demoData.ts) that the API tests act as. */
export const COMMITTEE = 'u_committee_jj'
export const OTHER_COMMITTEE = 'u_committee_lj'
export const STREET = 'u_street'
export const WORKER = 'u_worker_jj1'
/** verified resident of 锦江社区 第一网格 */
export const VERIFIED = 'u_resident_jj1'
export const UNVERIFIED = 'u_resident_jj3'
export const OTHER_COMMUNITY_RESIDENT = 'u_resident_lj1'
