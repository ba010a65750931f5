import type { CalloutDetail, CalloutView } from '@/domain/callouts'
import { answersOpen, calloutHours, calloutPhase } from '@/domain/callouts/rules'
import { checkinOpensAt, checkinWindow } from '@/domain/shared/onSite'
import type { CalloutRecord, RecipientRecord } from './ports'

/** The call-out as the caller sees it: counts for everyone; their own answer when it was sent to them. */
export function calloutView(c: CalloutRecord, me: RecipientRecord | null, committee: boolean, now: string): CalloutView {
  const open = answersOpen(c, now)
  const phase = calloutPhase(c, now)
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    description: c.description,
    place: c.place,
    area: { latitude: c.latitude, longitude: c.longitude, radius: c.radius, coordSystem: 'gcj02' },
    startAt: c.startAt,
    endAt: c.endAt,
    status: c.status,
    phase,
    closedAt: c.closedAt,
    closeReason: c.closeReason,
    audience: { volunteers: c.toVolunteers, residents: c.toResidents },
    gridIds: c.gridIds,
    tasks: c.tasks.map((t) => ({ id: t.id, name: t.name, capacity: t.capacity, signedUp: t.taken, checkedIn: t.checkedIn, left: t.capacity - t.taken })),
    recipients: c.recipients,
    answers: { yes: c.answeredYes, no: c.answeredNo, none: c.recipients - c.answeredYes - c.answeredNo },
    my: me
      ? { answer: me.answer, taskId: me.taskId, answeredAt: me.answeredAt, checkinAt: me.checkinAt, hours: calloutHours(c, me.checkinAt, now) }
      : null,
    checkinOpensAt: checkinOpensAt(c),
    can: {
      answer: me !== null && open && me.checkinAt === null,
      checkin: me?.answer === 'yes' && me.checkinAt === null && c.status === 'open' && checkinWindow(c, now) === 'open',
      close: committee && open,
      extend: committee && open,
    },
    createdAt: c.createdAt,
  }
}

export function calloutDetail(view: CalloutView, unanswered: CalloutDetail['unanswered']): CalloutDetail {
  return { ...view, unanswered }
}
