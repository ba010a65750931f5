import dayjs from 'dayjs'
import { formatDateTime } from '@/components/time'
import type { MotionStatus, MotionSummary } from '@/domain/motions'
import type { Role } from '@/domain/shared/roles'

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (articles are at most 50). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n)
  if (n < 10) return DIGITS[n]!
  const tens = Math.floor(n / 10)
  const ones = n % 10
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`
}

/** The article at index i (0-based) as a law names it: 第一条. */
export function articleLabel(i: number): string {
  return `第${chineseNumber(i + 1)}条`
}

/** "2 天 3 小时" / "5 小时 10 分钟" / "8 分钟": what is left until `iso` (never negative). */
export function timeLeft(iso: string, now: Date = new Date()): string {
  const ms = Math.max(0, Date.parse(iso) - now.getTime())
  const minutes = Math.floor(ms / 60_000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`
  if (hours > 0) return `${hours} 小时 ${minutes % 60} 分钟`
  return `${Math.max(1, minutes)} 分钟`
}

export type Tone = 'blue' | 'red' | 'green' | 'amber' | 'purple' | 'grey'

export const STATUS_TONES: Record<MotionStatus, Tone> = { draft: 'grey', consultation: 'purple', voting: 'amber', closed: 'blue' }

/** The phase's time in one line: when it ends and how long is left. */
export function phaseTime(m: Pick<MotionSummary, 'status' | 'consultUntil' | 'voteFrom' | 'voteUntil' | 'closedAt'>, now: Date = new Date()): string {
  switch (m.status) {
    case 'draft':
      return `计划 ${formatDateTime(m.voteFrom, now)} 开始表决`
    case 'consultation': {
      const until = m.consultUntil ?? m.voteFrom
      const open = Date.parse(until) > now.getTime()
      return open
        ? `征求意见至 ${formatDateTime(until, now)}，还剩 ${timeLeft(until, now)}`
        : `意见征集已截止，${formatDateTime(m.voteFrom, now)} 开始表决`
    }
    case 'voting':
      return `表决至 ${formatDateTime(m.voteUntil, now)}，还剩 ${timeLeft(m.voteUntil, now)}`
    case 'closed':
      return `${formatDateTime(m.closedAt ?? m.voteUntil, now)} 表决结束`
  }
}

/** The unit of the eligible base: 人 (each adult) or 户 (each household). */
export function voterUnit(m: Pick<MotionSummary, 'eligibility'>): string {
  return m.eligibility === 'households' ? '户' : '人'
}

/**
 * Who is looking, as the motions screens speak to them: the committee (runs the motion), a resident verified in
 * the community (votes), a resident not yet verified, or other staff (grid worker, street: they follow it).
 */
export type MotionViewer = 'committee' | 'resident' | 'unverified' | 'staff'

export function motionViewer(me: { roles: readonly Role[]; verified: boolean } | null | undefined): MotionViewer {
  if (!me) return 'unverified'
  if (me.roles.includes('committee')) return 'committee'
  if (me.roles.includes('resident')) return me.verified ? 'resident' : 'unverified'
  return 'staff'
}

/** Comments are still taken (征求意见 before its deadline). */
export function consultationOpen(m: Pick<MotionSummary, 'status' | 'consultUntil'>, now: Date = new Date()): boolean {
  return m.status === 'consultation' && (!m.consultUntil || Date.parse(m.consultUntil) > now.getTime())
}

/** What this motion asks of the person viewing it, in words (never colour alone); each line is for that viewer. */
export function myStatus(
  m: Pick<MotionSummary, 'status' | 'me' | 'eligibility' | 'consultUntil'>,
  viewer: MotionViewer,
  now: Date = new Date(),
): { text: string; tone: Tone } {
  const we = m.eligibility === 'households' ? '您家' : '您'
  switch (m.status) {
    case 'draft':
      return { text: '草稿，居民还看不到', tone: 'grey' }
    case 'consultation': {
      const open = consultationOpen(m, now)
      if (viewer === 'resident') return open ? { text: '正在征求意见，欢迎提意见', tone: 'purple' } : { text: '意见征集已截止，等待表决', tone: 'grey' }
      if (viewer === 'unverified') return { text: open ? '认证住户后可以提意见' : '认证住户后才能参加表决', tone: 'grey' }
      if (viewer === 'committee') return open ? { text: '正在征求意见，可以回复居民的意见', tone: 'purple' } : { text: '意见征集已截止，可以开始表决', tone: 'amber' }
      return { text: open ? '正在征求居民意见' : '意见征集已截止，等待表决', tone: 'grey' }
    }
    case 'voting':
      if (m.me.voted) return { text: `${we}已投票`, tone: 'green' }
      if (m.me.eligible) return { text: '待您投票', tone: 'red' }
      if (viewer === 'committee') return { text: '表决中，可以录入线下表决', tone: 'grey' }
      if (viewer === 'staff') return { text: '居民正在表决', tone: 'grey' }
      return { text: viewer === 'resident' ? '本次表决您不在投票范围内' : '认证住户后才能投票', tone: 'grey' }
    case 'closed':
      if (m.me.voted) return { text: `${we}已投票`, tone: 'green' }
      if (m.me.eligible) return { text: `${we}没有投票`, tone: 'grey' }
      if (viewer === 'resident') return { text: '本次表决您不在投票范围内', tone: 'grey' }
      return { text: viewer === 'committee' ? '表决已结束，结果已公布' : '表决已结束', tone: 'grey' }
  }
}

/** 'YYYY-MM-DD HH:mm' in local time → an ISO string with offset, or undefined. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined
  const d = dayjs(local.replace(' ', 'T'))
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined
}

/** An ISO time → the local 'YYYY-MM-DD HH:mm' a DateTimeField holds. */
export function isoToLocal(iso: string | null | undefined): string {
  if (!iso) return ''
  const d = dayjs(iso)
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : ''
}
