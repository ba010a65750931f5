/** Page paths of 议事表决 (the tab in the main package, the rest in the motions subpackage). */
export const MOTION_ROUTES = {
  tab: '/pages/vote/index',
  detail: '/packages/motions/detail/index',
  draft: '/packages/motions/draft/index',
  result: '/packages/motions/result/index',
  offline: '/packages/motions/offline/index',
  rules: '/packages/motions/rules/index',
  risk: '/packages/motions/risk/index',
  riskReviews: '/packages/motions/reviews/index',
} as const
