/** The pages of 积分制 (the points subpackage). */
export const POINTS_ROUTES = {
  /** 我的积分 (?userId= : the committee reads a named person's, with 冲正) */
  mine: '/packages/points/mine/index',
  rules: '/packages/points/rules/index',
  board: '/packages/points/board/index',
  shop: '/packages/points/shop/index',
  /** the committee's 积分管理: rules settings, rewards, redemptions to hand out */
  manage: '/packages/points/manage/index',
} as const
