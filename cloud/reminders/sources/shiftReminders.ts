import type { ShiftTimes } from '@/domain/patrols/rules'
import { chinaClock, eveningBeforeAt, eveningReminderUntil, hourBeforeAt } from '@/domain/patrols/rules'
import type { DueReminder } from '../ports'
import type { ShiftRecord } from '../../patrols'
import type { ReminderSource } from '../source'

/** Far enough ahead to hold every shift whose evening-before reminder (20:00 the day before) has come. */
const LOOKAHEAD_MS = 30 * 3600_000

function place(s: ShiftRecord): string {
  return s.meetingPoint ? `，集合地点：${s.meetingPoint}` : ''
}

/**
 * A shift reminder source: for each scheduled shift not started whose reminder time has come (and, for the
 * evening one, whose start day has not begun in Beijing nor its hour-before time come, so a late-scheduled
 * shift gets one reminder, not two, and 明天 is never said on the day itself), one
 * reminder per shift and kind, to the volunteers holding a confirmed seat when it is written. A shift with no
 * seat taken is passed over (asked again at the next sweep).
 */
function shiftSource(
  name: string,
  suffix: 'eve' | 'hour',
  window: (s: ShiftTimes) => { from: string; until: string },
  text: (s: ShiftRecord) => { title: string; body: string },
): ReminderSource {
  return {
    name,
    async due(deps, now) {
      const at = now.toISOString()
      const soon = await deps.store.shifts.startingBetween(at, new Date(now.getTime() + LOOKAHEAD_MS).toISOString())
      return soon
        .filter((s) => {
          // nobody holds a seat yet: no ledger row, so one who signs up before the window closes is still reminded
          if (s.seated === 0) return false
          const w = window(s)
          return w.from <= at && at < w.until
        })
        .map(
          (s): DueReminder => ({
            key: `shift:${s.id}:${suffix}`,
            kind: 'shift',
            ...text(s),
            target: { type: 'shift', id: s.id },
            audience: { kind: 'shiftConfirmed', shiftId: s.id },
          }),
        )
    },
  }
}

/** 明天巡逻提醒: from 20:00 Beijing time the day before the start until that day's 00:00. */
export const shiftEvening = shiftSource(
  'shift evening before',
  'eve',
  (s) => ({ from: eveningBeforeAt(s), until: eveningReminderUntil(s) }),
  (s) => ({ title: '明天有巡逻', body: `「${s.title}」${chinaClock(s.startAt)} 开始${place(s)}。请准时到岗签到（开始前 15 分钟可签到）。` }),
)

/** 巡逻一小时后开始: one hour before the start. */
export const shiftHourBefore = shiftSource(
  'shift hour before',
  'hour',
  (s) => ({ from: hourBeforeAt(s), until: s.startAt }),
  (s) => ({ title: '巡逻一小时后开始', body: `「${s.title}」${chinaClock(s.startAt)} 开始${place(s)}。到达后请在巡逻区域内签到。` }),
)
