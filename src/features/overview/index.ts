// 总览 as other features see it: its pages, 总览 and 一张图 (the desk links to them).
export { OVERVIEW_ROUTES } from './routes'
export { OVERVIEW_MAP_ROUTES } from './mapRoutes'
