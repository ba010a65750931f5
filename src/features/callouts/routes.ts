/** The pages of 社会动员 (the callouts subpackage). */
export const CALLOUT_ROUTES = {
  list: '/packages/callouts/list/index',
  detail: '/packages/callouts/detail/index',
  issue: '/packages/callouts/issue/index',
} as const
