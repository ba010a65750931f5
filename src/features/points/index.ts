// 积分制 as other features see it: its pages (我的 links to 我的积分; the desk to 积分管理).
export { POINTS_ROUTES } from './routes'
