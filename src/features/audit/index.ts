// 操作日志 as other features see it: its page (the desk links to it).
export { AUDIT_ROUTES } from './routes'
