import { maskName } from '@/domain/shared/mask'
import { shiftPhase, type MyShiftStatus, type ShiftDetail, type ShiftLogEntry, type ShiftRosterEntry, type ShiftView } from '@/domain/patrols'
import { beforeCutoff, checkinOpensAt, checkinWindow, withdrawCutoffAt } from '@/domain/patrols/rules'
import type { UserRecord } from '../shared/ports'
import { isCommitteeOf, isVolunteerOf, seesFullNames } from './access'
import type { ShiftLogRecord, ShiftRecord, SignupRecord } from './ports'

export function myStatusOf(s: SignupRecord | null): MyShiftStatus | null {
  if (!s || s.status === 'withdrawn') return null
  return s.status === 'waitlisted' ? { status: s.status, position: s.position ?? 0 } : { status: s.status }
}

/** A shift as the caller sees it, with their own signup (null when none) and what they may do now. */
export function shiftView(s: ShiftRecord, mine: SignupRecord | null, u: UserRecord, now: string): ShiftView {
  const phase = shiftPhase(s, now)
  const my = myStatusOf(mine)
  const scheduled = s.status === 'scheduled'
  const volunteer = isVolunteerOf(u, s.communityId)
  return {
    id: s.id,
    seriesId: s.seriesId,
    title: s.title,
    area: { latitude: s.latitude, longitude: s.longitude, radius: s.radius, coordSystem: 'gcj02' },
    meetingPoint: s.meetingPoint,
    note: s.note,
    startAt: s.startAt,
    endAt: s.endAt,
    capacity: s.capacity,
    status: s.status,
    phase,
    cancelReason: s.cancelReason,
    cancelledAt: s.cancelledAt,
    confirmed: s.seated,
    seatsLeft: Math.max(0, s.capacity - s.seated),
    waitlistLength: s.waitlisted,
    myStatus: my,
    my: mine && my
      ? { checkinAt: mine.checkinAt, checkoutAt: mine.checkoutAt, autoCheckout: mine.autoCheckout, hours: mine.hours }
      : null,
    checkinOpensAt: checkinOpensAt(s),
    withdrawCutoffAt: withdrawCutoffAt(s),
    can: {
      signup: volunteer && scheduled && phase === 'upcoming' && my === null,
      withdraw: scheduled && (my?.status === 'confirmed' || my?.status === 'waitlisted') && beforeCutoff(s, now),
      checkin: scheduled && my?.status === 'confirmed' && checkinWindow(s, now) === 'open',
      checkout: my?.status === 'checkedIn',
      log: my?.status === 'checkedIn' && now <= s.endAt,
      cancel: isCommitteeOf(u, s.communityId) && scheduled && phase === 'upcoming',
    },
    createdAt: s.createdAt,
  }
}

/** The roster: names in full for staff, masked for everyone else except their own row; attendance for staff only. */
export function rosterView(rows: SignupRecord[], u: UserRecord): ShiftRosterEntry[] {
  const full = seesFullNames(u)
  return rows
    .filter((r) => r.status !== 'withdrawn')
    .map((r) => {
      const me = r.userId === u.id
      const entry: ShiftRosterEntry = {
        name: full || me ? r.userName : maskName(r.userName),
        status: r.status as ShiftRosterEntry['status'],
        checkinAt: full || me ? r.checkinAt : null,
        checkoutAt: full || me ? r.checkoutAt : null,
        hours: full || me ? r.hours : null,
        me,
      }
      if (r.status === 'waitlisted') entry.position = r.position ?? 0
      return entry
    })
}

/** Patrol notes: the author's name by the roster's rule (full for staff and for one's own, masked otherwise). */
export function logsView(rows: ShiftLogRecord[], u: UserRecord): ShiftLogEntry[] {
  const full = seesFullNames(u)
  return rows.map((l) => {
    const mine = l.userId === u.id
    return { id: l.id, note: l.note, at: l.at, authorName: full || mine ? l.userName : maskName(l.userName), mine, reportId: l.reportId }
  })
}

export function detailView(s: ShiftRecord, roster: SignupRecord[], logs: ShiftLogRecord[], u: UserRecord, now: string): ShiftDetail {
  const mine = roster.find((r) => r.userId === u.id) ?? null
  return { ...shiftView(s, mine, u, now), roster: rosterView(roster, u), logs: logsView(logs, u) }
}
