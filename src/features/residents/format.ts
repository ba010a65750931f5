import { APPLICATION_STATUS_LABELS, RELATION_LABELS, type ApplicationStatus, type Relation } from '@/domain/residents'
import type { TagTone } from '@/components/Tag'

/** 3 → 3栋, 2 → 2单元, so 3栋2单元301; words people already typed (3号楼, 东区2单元, 5组) stay as they are. */
export function roomText(building: string, unit: string | null | undefined, room: string): string {
  const b = /^\d+$/.test(building) ? `${building}栋` : building
  const u = unit ? (/^\d+$/.test(unit) ? `${unit}单元` : unit) : ''
  return `${b}${u}${room}`
}

export function relationText(relation: Relation | null | undefined): string {
  return relation ? RELATION_LABELS[relation] ?? '' : ''
}

export const STATUS_TONES: Record<ApplicationStatus, TagTone> = { pending: 'amber', verified: 'green', rejected: 'red' }

export function statusText(status: ApplicationStatus): string {
  return APPLICATION_STATUS_LABELS[status] ?? status
}
