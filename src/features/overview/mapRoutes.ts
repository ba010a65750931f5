/** 一张图's page (the overview subpackage). */
export const OVERVIEW_MAP_ROUTES = {
  map: '/packages/overview/map/index',
} as const
