import { z } from 'zod'
import { applicationReviewSchema, type ApplicationStatus } from '../residents'
import { multilineText } from '../shared/text'

/** 志愿者: applying to the volunteer team, its review, and the hours volunteers served (patrols, later call-outs). */

export const volunteerApplySchema = z.strictObject({
  skills: multilineText(0, 200, '特长').optional(),
  availability: multilineText(0, 200, '可服务时间').optional(),
})
export type VolunteerApplyInput = z.input<typeof volunteerApplySchema>

export const volunteerReviewSchema = applicationReviewSchema
export type VolunteerReviewInput = z.input<typeof volunteerReviewSchema>

export interface VolunteerApplicationView {
  id: string
  status: ApplicationStatus
  applicantId: string
  name: string
  phone: string | null
  gridName: string | null
  skills: string | null
  availability: string | null
  reason: string | null
  createdAt: string
  reviewedAt: string | null
}

export const volunteerStatsSchema = z.strictObject({})
export type VolunteerStatsInput = z.input<typeof volunteerStatsSchema>

export const MONTH_PATTERN = /^20\d{2}-(0[1-9]|1[0-2])$/
export const volunteerBoardSchema = z.strictObject({
  month: z
    .string({ error: '请选择月份' })
    .max(7, { message: '月份格式应为 YYYY-MM', abort: true })
    .regex(MONTH_PATTERN, { message: '月份格式应为 YYYY-MM' }),
})
export type VolunteerBoardInput = z.input<typeof volunteerBoardSchema>

export interface VolunteerStats {
  /** the current month in Beijing time, 'YYYY-MM' */
  month: string
  /** patrol and call-out hours together */
  hoursThisMonth: number
  hoursTotal: number
  shiftsDone: number
  noShows: number
  /** call-outs (社会动员) checked in to and over; their hours are in the two above */
  calloutsDone: number
}

export interface VolunteerBoardRow {
  rank: number
  name: string
  hours: number
  shifts: number
  me: boolean
}

export interface VolunteerBoard {
  month: string
  rows: VolunteerBoardRow[]
}
