import { chinaClock } from '@/domain/patrols/rules'
import type { CancelMessages, Deps, PromotionMessage, ShiftRecord } from './ports'
import type { NewMessage } from '../messages'

function shiftMessage(deps: Pick<Deps, 'ids'>, userId: string, s: ShiftRecord, title: string, body: string, at: string): NewMessage {
  return { id: deps.ids.newId(), userId, kind: 'shift', title, body, target: { type: 'shift', id: s.id }, createdAt: at }
}

/** 「夜间巡逻」11月26日 19:00 */
export function whenWhat(s: Pick<ShiftRecord, 'title' | 'startAt'>): string {
  return `「${s.title}」${chinaClock(s.startAt)}`
}

export function promotionMessage(deps: Pick<Deps, 'ids'>, at: string): PromotionMessage {
  return (s, userId) =>
    shiftMessage(deps, userId, s, '候补成功，您已获得巡逻名额', `${whenWhat(s)} 开始，请按时到岗签到${s.meetingPoint ? `（集合地点：${s.meetingPoint}）` : ''}`, at)
}

export function cancelMessages(deps: Pick<Deps, 'ids'>, at: string): CancelMessages {
  return (s, userIds) =>
    userIds.map((u) => shiftMessage(deps, u, s, '巡逻班次已取消', `${whenWhat(s)} 的巡逻已取消。原因：${s.cancelReason ?? ''}`, at))
}
