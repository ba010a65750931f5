/** The page of 总览 (the overview subpackage). */
export const OVERVIEW_ROUTES = {
  index: '/packages/overview/index',
} as const
