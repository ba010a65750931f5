import { CALLOUT_KIND_LABELS } from '@/domain/callouts'
import { chinaClock } from '@/domain/shared/chinaTime'
import type { CalloutMessageText, Deps, NewCallout, SignedUpMessages } from './ports'

/** 【防汛值守】「…」11月26日 19:00 */
function whenWhat(c: Pick<NewCallout, 'kind' | 'title' | 'startAt'>): string {
  return `【${CALLOUT_KIND_LABELS[c.kind]}】「${c.title}」${chinaClock(c.startAt)}`
}

export function issuedMessage(c: NewCallout): CalloutMessageText {
  return { title: `社区动员：${c.title}`, body: `${whenWhat(c)} 在${c.place}，请回复能来或来不了` }
}

function toSignedUp(deps: Pick<Deps, 'ids'>, at: string, title: string, body: (c: Parameters<SignedUpMessages>[0]) => string): SignedUpMessages {
  return (c, userIds) =>
    userIds.map((userId) => ({ id: deps.ids.newId(), userId, kind: 'shift', title, body: body(c), target: { type: 'callout', id: c.id }, createdAt: at }))
}

export function closedMessages(deps: Pick<Deps, 'ids'>, at: string): SignedUpMessages {
  return toSignedUp(deps, at, '动员已提前结束', (c) => `${whenWhat(c)} 已提前结束，感谢参与。原因：${c.closeReason ?? ''}`)
}

export function extendedMessages(deps: Pick<Deps, 'ids'>, at: string): SignedUpMessages {
  return toSignedUp(deps, at, '动员时间已延长', (c) => `${whenWhat(c)} 延长至 ${chinaClock(c.endAt)}，请留意安排`)
}
