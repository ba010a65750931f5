// 总览 as other features see it: 一张图's page (the desk may link to it).
export { OVERVIEW_MAP_ROUTES } from './mapRoutes'
