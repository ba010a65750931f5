// Test data builders for the client tests (shapes from src/domain, values made up per test).
import { act } from '@testing-library/react'
import type { Me, Session } from '@/domain/auth'
import type { Notice, NoticeSummary } from '@/domain/notices'
import type { ResidentApplicationView } from '@/domain/residents'
import type { MemberView } from '@/domain/members'
import type { VolunteerApplicationView } from '@/domain/volunteers'

export function makeMe(over: Partial<Me> = {}): Me {
  return {
    id: 'u-resident-1',
    name: '王秀兰',
    roles: ['resident'],
    communityId: 'c-1',
    communityName: '枫桥社区',
    gridId: 'g-1',
    gridName: '第一网格',
    grids: [],
    verified: true,
    phone: '138****5678',
    household: null,
    ...over,
  }
}

export function makeSession(over: Partial<Me> = {}): Session {
  return {
    token: 'token-abc',
    expiresAt: new Date(Date.now() + 3600_000).toISOString(),
    user: makeMe(over),
  }
}

export function makeSummary(id: string, over: Partial<NoticeSummary> = {}): NoticeSummary {
  const s: Omit<NoticeSummary, 'unread'> = {
    id,
    communityName: '枫桥社区',
    title: `通知 ${id}`,
    category: 'notice',
    pinned: false,
    important: false,
    gridIds: null,
    publishAt: new Date(Date.now() - 3 * 60_000).toISOString(),
    expireAt: null,
    state: 'live',
    read: false,
    confirmed: false,
    canConfirm: false,
    excerpt: '本周六上午九点到十二点停水检修，请提前储水。',
    ...over,
  }
  // unread as the server says it: live and not opened (the author's own are given explicitly)
  return { ...s, unread: over.unread ?? (!s.read && s.state === 'live') }
}

export function makeNotice(id: string, over: Partial<Notice> = {}): Notice {
  return {
    ...makeSummary(id),
    gridNames: null,
    body: '本周六上午九点到十二点停水检修，请提前储水。如有困难请联系网格员。',
    authorName: '枫桥社区居委会',
    confirmedAt: null,
    ...over,
  }
}

/** A promise you resolve or reject from the test. */
export function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

export function makeApplication(id: string, over: Partial<ResidentApplicationView> = {}): ResidentApplicationView {
  return {
    id,
    status: 'pending',
    gridId: 'g-1',
    gridName: '第一网格',
    building: '3栋',
    unit: '2',
    room: '301',
    name: '王秀兰',
    relation: 'member',
    householdId: 'h-301',
    matchesRoster: false,
    reason: null,
    createdAt: new Date(Date.now() - 3600_000).toISOString(),
    reviewedAt: null,
    applicantId: 'u-resident-1',
    ...over,
  }
}

export function makeVolunteerApplication(id: string, over: Partial<VolunteerApplicationView> = {}): VolunteerApplicationView {
  return {
    id,
    status: 'pending',
    applicantId: 'u-resident-1',
    name: '王秀兰',
    phone: '138****5678',
    gridName: '第一网格',
    skills: '会急救',
    availability: '周末上午',
    reason: null,
    createdAt: new Date(Date.now() - 3600_000).toISOString(),
    reviewedAt: null,
    ...over,
  }
}

export const GRIDS = [
  { id: 'g-1', name: '第一网格' },
  { id: 'g-2', name: '第二网格' },
]

export const COMMUNITY = { id: 'c-1', name: '枫桥社区', streetName: '城关街道', grids: GRIDS }

/** Taro's Input/Textarea render as custom elements in jsdom and report typing as an `input` event with `detail.value`. */
export function typeInto(el: Element, value: string): void {
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}

export function makeMember(id: string, over: Partial<MemberView> = {}): MemberView {
  return { id, name: '张大爷', phone: null, roles: ['resident'], gridId: 'g-1', gridName: '第一网格', grids: [], verified: true, rosterOnly: false, address: null, ...over }
}
