/** The pages of 入户走访 (the visits subpackage). */
export const VISIT_ROUTES = {
  work: '/packages/visits/work/index',
  log: '/packages/visits/log/index',
  coverage: '/packages/visits/coverage/index',
  file: '/packages/visits/file/index',
} as const
