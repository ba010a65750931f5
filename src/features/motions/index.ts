// 议事 as other features see it: where its pages are, and the open motions.
export { MOTION_ROUTES } from './routes'
export { loadOpenMotions } from './useMotionList'
