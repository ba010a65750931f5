// 巡逻 as other features see it: how many shifts are coming.
export { countUpcomingShifts } from './useShiftList'
