// Builders for the 巡逻 client tests (shapes from src/domain/shift.ts, values made up per test).
import type { ShiftDetail, ShiftView } from '@/domain/patrols'
import { checkinOpensAt, withdrawCutoffAt } from '@/domain/patrols/rules'

const HOUR = 3600_000

/** A shift starting `inHours` from now, two hours long, 4 seats, nobody signed up. */
export function makeShift(id: string, over: Partial<ShiftView> = {}, inHours = 26): ShiftView {
  const start = new Date(Date.now() + inHours * HOUR).toISOString()
  const end = new Date(Date.now() + (inHours + 2) * HOUR).toISOString()
  const s: ShiftView = {
    id,
    seriesId: null,
    title: `巡逻 ${id}`,
    area: { latitude: 30.2741, longitude: 120.1551, radius: 300, coordSystem: 'gcj02' },
    meetingPoint: '社区服务中心门口',
    note: null,
    startAt: start,
    endAt: end,
    capacity: 4,
    status: 'scheduled',
    phase: 'upcoming',
    cancelReason: null,
    cancelledAt: null,
    confirmed: 0,
    seatsLeft: 4,
    waitlistLength: 0,
    myStatus: null,
    my: null,
    checkinOpensAt: checkinOpensAt({ startAt: start, endAt: end }),
    withdrawCutoffAt: withdrawCutoffAt({ startAt: start }),
    can: { signup: true, withdraw: false, checkin: false, checkout: false, log: false, cancel: false },
    createdAt: new Date(Date.now() - HOUR).toISOString(),
    ...over,
  }
  return s
}

export function makeShiftDetail(id: string, over: Partial<ShiftDetail> = {}, inHours = 26): ShiftDetail {
  return { ...makeShift(id, {}, inHours), roster: [], logs: [], ...over }
}
