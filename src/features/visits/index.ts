// 入户走访 as other features see it: its pages, and how many follow-ups are due (the desk's figure).
export { VISIT_ROUTES } from './routes'
export { countDueFollowUps } from './useVisitWork'
