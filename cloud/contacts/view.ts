import type { CadreHouseholdView, CadreView, ContactLogView, HouseholdBrief, MyContactView } from '@/domain/contacts'
import { householdAddress } from '@/domain/contacts/rules'
import type { CadreHouseholdRecord, CadreRecord, ContactLogRecord, HouseholdContactRecord, HouseholdRow } from './ports'

/** What a household's residents see of their contact: the phone only when the cadre agreed to publish it. */
export function toMyContactView(c: HouseholdContactRecord): MyContactView {
  return { name: c.name, title: c.title, phone: c.publishPhone ? c.phone : null, publicNote: c.publicNote }
}

/** A cadre for the committee (their own community's staff: name and phone in full). */
export function toCadreView(c: CadreRecord, since: string): CadreView {
  return {
    userId: c.userId,
    name: c.name,
    phone: c.phone,
    title: c.title,
    publishPhone: c.publishPhone,
    publicNote: c.publicNote,
    households: c.households,
    lastLogAt: c.lastLogAt,
    idle: c.lastLogAt === null || c.lastLogAt < since,
  }
}

export function toHouseholdBrief(h: HouseholdRow): HouseholdBrief {
  return { householdId: h.householdId, address: householdAddress(h), headName: h.headName, gridName: h.gridName }
}

export function toCadreHouseholdView(h: CadreHouseholdRecord): CadreHouseholdView {
  return { ...toHouseholdBrief(h), lastContactAt: h.lastContactAt, lastKind: h.lastKind }
}

export function toContactLogView(l: ContactLogRecord): ContactLogView {
  return { id: l.id, householdId: l.householdId, cadreName: l.cadreName, kind: l.kind, at: l.at, note: l.note }
}
