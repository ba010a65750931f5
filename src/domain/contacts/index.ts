import { z } from 'zod'
import { reportCreateSchema } from '../reports'
import { idSchema, isoTime, multilineText, text } from '../shared/text'

/**
 * 党员干部联系户 (issue 17): party members and cadres who keep in touch with households. `cadre` is an attribute
 * of a verified resident or a staff member (not a role): the committee sets it, assigns households (one contact
 * per household), the cadre logs contacts and may raise a report on a household's behalf. Rules: ./rules.
 */

export const CADRE_TITLES = ['partyMember', 'villageCadre', 'buildingHead', 'groupHead'] as const
export type CadreTitle = (typeof CADRE_TITLES)[number]
export const CADRE_TITLE_LABELS: Record<CadreTitle, string> = {
  partyMember: '党员',
  villageCadre: '村（居）干部',
  buildingHead: '楼栋长',
  groupHead: '居民小组长',
}

export const CONTACT_KINDS = ['visit', 'call', 'wechat'] as const
export type ContactKind = (typeof CONTACT_KINDS)[number]
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { visit: '走访', call: '电话', wechat: '微信' }

/** A cadre keeps in touch with at most this many households (typically 10–30). */
export const MAX_HOUSEHOLDS_PER_CADRE = 50

/** The committee's overview looks back this many days unless told otherwise (about a month). */
export const DEFAULT_PERIOD_DAYS = 30

export const cadreSetSchema = z.strictObject({
  userId: idSchema,
  title: z.enum(CADRE_TITLES, { message: '请选择身份' }),
  /** whether the households they contact see their phone number */
  publishPhone: z.boolean({ error: '请选择是否公开电话' }),
  /** a public note the households see, e.g. when to reach them */
  publicNote: text(0, 60, '联系说明').optional(),
})
export type CadreSetInput = z.input<typeof cadreSetSchema>

export const cadreRemoveSchema = z.strictObject({ userId: idSchema })
export type CadreRemoveInput = z.input<typeof cadreRemoveSchema>

export const contactAssignSchema = z.strictObject({ householdId: idSchema, cadreId: idSchema })
export type ContactAssignInput = z.input<typeof contactAssignSchema>

export const contactLogSchema = z.strictObject({
  householdId: idSchema,
  kind: z.enum(CONTACT_KINDS, { message: '请选择联系方式' }),
  /** when the contact took place (not in the future) */
  at: isoTime,
  note: multilineText(1, 500, '联系情况'),
})
export type ContactLogInput = z.input<typeof contactLogSchema>

export const contactOverviewSchema = z.strictObject({
  /** the period looked back on, in days (default DEFAULT_PERIOD_DAYS) */
  days: z.number({ error: '天数必须是数字' }).int({ message: '天数必须是整数' }).min(7, { message: '统计周期至少 7 天' })
    .max(366, { message: '统计周期最多 366 天' }).optional(),
})
export type ContactOverviewInput = z.input<typeof contactOverviewSchema>

export const contactHistorySchema = z.strictObject({ householdId: idSchema })
export type ContactHistoryInput = z.input<typeof contactHistorySchema>

/** 代为上报: report.create's fields, for one of the cadre's households (routed to the household's grid). */
export const contactRaiseSchema = reportCreateSchema.omit({ gridId: true, anonymous: true }).extend({ householdId: idSchema })
export type ContactRaiseInput = z.input<typeof contactRaiseSchema>

// ---------- views ----------

/** What a household's residents see of their contact: only what the cadre agreed to publish. */
export interface MyContactView {
  name: string
  title: CadreTitle
  /** null unless the cadre agreed to publish it */
  phone: string | null
  publicNote: string | null
}

/** A household on its cadre's list, least recently contacted first. */
export interface CadreHouseholdView {
  householdId: string
  address: string
  headName: string
  gridName: string
  lastContactAt: string | null
  lastKind: ContactKind | null
}

export interface ContactMine {
  /** the contact of the caller's household (null: none assigned, or not a verified resident) */
  contact: MyContactView | null
  /** the caller as a cadre (null: not a cadre) */
  cadre: { title: CadreTitle; households: CadreHouseholdView[] } | null
}

/** A cadre as the committee sees them. */
export interface CadreView {
  userId: string
  name: string
  phone: string | null
  title: CadreTitle
  publishPhone: boolean
  publicNote: string | null
  households: number
  lastLogAt: string | null
  /** no contact logged in the period */
  idle: boolean
}

export interface HouseholdBrief {
  householdId: string
  address: string
  headName: string
  gridName: string
}

export interface ContactOverview {
  /** the start of the period (ISO instant) */
  since: string
  days: number
  cadres: CadreView[]
  /** households without a contact (the first 100, roster order) and how many in all */
  uncovered: HouseholdBrief[]
  uncoveredTotal: number
}

export interface ContactAssignment {
  householdId: string
  cadreId: string
  /** the contact the household had before (null: none, or the same) */
  previousCadreId: string | null
}

export interface ContactLogView {
  id: string
  householdId: string
  cadreName: string
  kind: ContactKind
  at: string
  note: string
}
