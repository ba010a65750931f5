/** The pages of 预测预警 (the warnings subpackage). */
export const WARNING_ROUTES = {
  list: '/packages/warnings/list/index',
  detail: '/packages/warnings/detail/index',
  rules: '/packages/warnings/rules/index',
} as const
