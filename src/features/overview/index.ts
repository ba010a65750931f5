// 总览 as other features see it: its page (the desk links to it).
export { OVERVIEW_ROUTES } from './routes'
