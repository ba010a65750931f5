// 预测预警 as other features see it: its pages (the desk links to them).
export { WARNING_ROUTES } from './routes'
export { WarningFiguresCard } from './ui/WarningFiguresCard'
