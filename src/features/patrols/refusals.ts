import { chinaClock } from '@/domain/patrols/rules'
import type { ApiError } from '@/services/apiError'
import { type LocationFailure } from '@/features/media'

/** Why a check-in did not happen, in plain words: a short title and what to do. */
export interface Refusal {
  kind: 'early' | 'ended' | 'area' | 'denied' | 'unavailable' | 'other'
  title: string
  text: string
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/** A refused shift.checkin (OUT_OF_WINDOW / OUT_OF_AREA with their details; anything else by its message). */
export function checkinRefusal(err: ApiError): Refusal {
  const d = (err.details ?? {}) as Record<string, unknown>
  if (err.code === 'OUT_OF_AREA') {
    const distance = num(d.distance)
    const radius = num(d.radius)
    return {
      kind: 'area',
      title: '不在巡逻区域',
      text:
        distance !== null && radius !== null
          ? `您离巡逻区域中心约 ${distance} 米，要在 ${radius} 米范围内才能签到。请到集合地点后再点“签到”。`
          : err.message,
    }
  }
  if (err.code === 'OUT_OF_WINDOW') {
    if (d.reason === 'ended') return { kind: 'ended', title: '已结束', text: '这次巡逻已经结束，不能再签到。' }
    const opensAt = typeof d.opensAt === 'string' ? d.opensAt : null
    return {
      kind: 'early',
      title: '太早了',
      text: opensAt ? `签到在 ${chinaClock(opensAt)} 开放（开始前 15 分钟），到时再来。` : err.message,
    }
  }
  return { kind: 'other', title: '没有签到成功', text: err.message }
}

/** The device would not say where it is. */
export function locationRefusal(reason: Exclude<LocationFailure, 'cancelled'>, weapp: boolean): Refusal {
  if (reason === 'denied') {
    return {
      kind: 'denied',
      title: '没有位置权限',
      text: weapp
        ? '签到要确认您在巡逻区域内。请点下面的“去开启位置权限”，打开“位置信息”后再签到。'
        : '签到要确认您在巡逻区域内。请在浏览器的网站设置里允许使用位置，然后再点“签到”。',
    }
  }
  return {
    kind: 'unavailable',
    title: '暂时无法定位',
    text: '请打开手机的定位（GPS），到室外开阔处，稍等几秒后再点“签到”。',
  }
}
