/**
 * The masking policy of cloud/residents (个人信息保护法): who sees a person's full name and phone.
 * Every view of a person goes through seesInFull; this walks viewer × subject.
 */
import type { Role } from '@/domain/shared/roles'
import type { HouseholdRecord } from '../../cloud/residents/ports'
import type { UserRecord } from '../../cloud/shared/ports'
import { seesInFull } from '../../cloud/residents/policy'
import { toHouseholdView, toMemberView } from '../../cloud/residents/view'

function user(id: string, roles: Role[], over: Partial<UserRecord> = {}): UserRecord {
  return {
    id,
    name: '王秀兰',
    phone: '13812345678',
    openid: null,
    roles,
    communityId: 'c1',
    communityName: '锦江社区',
    streetId: 's1',
    districtId: null,
    cityId: null,
    gridId: null,
    gridName: null,
    householdId: null,
    verified: false,
    rosterOnly: false,
    grids: [],
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  }
}

const subject = user('subject', ['resident'], { gridId: 'g1', gridName: '第一网格', verified: true })
const household: HouseholdRecord = {
  id: 'h1', communityId: 'c1', gridId: 'g1', gridName: '第一网格', gridSeq: 0, building: '1栋', unit: '', room: '101',
  headName: '王秀兰', adults: 2, phone: '13812345678', updatedAt: null, members: 1,
}

const VIEWERS: [string, UserRecord, boolean][] = [
  ['the person themselves', subject, true],
  ['committee of the community', user('v1', ['committee']), true],
  ['committee of another community', user('v2', ['committee'], { communityId: 'c2' }), false],
  ['grid worker of that grid', user('v3', ['gridWorker'], { grids: [{ id: 'g1', name: '第一网格' }] }), true],
  ['grid worker of another grid', user('v4', ['gridWorker'], { grids: [{ id: 'g2', name: '第二网格' }] }), false],
  ['grid worker of a same-id grid elsewhere (community differs)', user('v5', ['gridWorker'], { communityId: 'c2', grids: [{ id: 'g1', name: '第一网格' }] }), false],
  ['a neighbour in the same grid', user('v6', ['resident'], { gridId: 'g1', verified: true }), false],
  ['a volunteer', user('v7', ['resident', 'volunteer'], { gridId: 'g1' }), false],
  ['street staff', user('v8', ['street']), false],
  ['a resident who once had grids but not the role', user('v9', ['resident'], { grids: [{ id: 'g1', name: '第一网格' }] }), false],
]

test.each(VIEWERS)('%s → full: %s', (_label, viewer, full) => {
  expect(seesInFull(viewer, { userId: subject.id, communityId: 'c1', gridId: 'g1' })).toBe(full)
  const m = toMemberView(subject, viewer)
  const hv = toHouseholdView(household, viewer)
  expect([m.name, m.phone]).toEqual(full ? ['王秀兰', '13812345678'] : ['王*兰', '138****5678'])
  // a household is not "the person themselves" (me.get decides the 户主 case); staff rules apply
  const staffFull = full && viewer !== subject
  expect([hv.headName, hv.phone]).toEqual(staffFull ? ['王秀兰', '13812345678'] : ['王*兰', '138****5678'])
})
