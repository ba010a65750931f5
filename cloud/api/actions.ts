import type { z } from 'zod'
import type { ActionName, ActionOutput } from '@/domain/actions'
import { devLoginSchema, emptySchema, wxLoginSchema } from '@/domain/auth'
import { noticeIdSchema, noticeListSchema, noticePublishSchema } from '@/domain/notice'
import {
  applicationListSchema,
  householdExportSchema,
  householdImportSchema,
  householdListSchema,
  memberAssignGridsSchema,
  memberListSchema,
  residentApplySchema,
  residentRegisterSchema,
  residentReviewSchema,
  setPhoneSchema,
  volunteerApplySchema,
  volunteerReviewSchema,
} from '@/domain/residents'
import { signInForDevelopment } from '../auth/devLogin'
import { viewMyProfile } from '../auth/me'
import { setMyPhone } from '../auth/setPhone'
import { signInWithWechat } from '../auth/wxLogin'
import { viewMyCommunity } from '../community/viewCommunity'
import { assignGrids } from '../members/assignGrids'
import { listMembers } from '../members/listMembers'
import { confirmNotice } from '../notices/confirmNotice'
import { listMyNotices } from '../notices/listNotices'
import { viewNoticeStats } from '../notices/noticeStats'
import { publishNotice } from '../notices/publishNotice'
import { readNotice } from '../notices/readNotice'
import { withdrawNotice } from '../notices/withdrawNotice'
import { applyForVerification } from '../residents/applyForVerification'
import { exportHouseholdRoster } from '../residents/exportRoster'
import { importHouseholdRoster } from '../residents/importRoster'
import { listResidentApplications } from '../residents/listApplications'
import { listHouseholds } from '../residents/listHouseholds'
import { registerResident } from '../residents/registerResident'
import { reviewResidentApplication } from '../residents/reviewApplication'
import { viewMyApplication } from '../residents/viewMyApplication'
import { applyAsVolunteer } from '../volunteers/applyAsVolunteer'
import { listVolunteerApplications } from '../volunteers/listVolunteerApplications'
import { reviewVolunteerApplication } from '../volunteers/reviewVolunteerApplication'
import { viewMyVolunteerApplication } from '../volunteers/viewMyVolunteerApplication'
import type { Ctx, UserCtx } from './context'

type Def<S extends z.ZodType, O> =
  | { input: S; auth: 'public'; handler: (input: z.output<S>, ctx: Ctx) => Promise<O> }
  | { input: S; auth: 'user'; handler: (input: z.output<S>, ctx: UserCtx) => Promise<O> }

/** A table entry with its input type erased: the dispatcher only hands a handler what its own schema parsed. */
type Entry<O> =
  | { input: z.ZodType; auth: 'public'; handler: (input: unknown, ctx: Ctx) => Promise<O> }
  | { input: z.ZodType; auth: 'user'; handler: (input: unknown, ctx: UserCtx) => Promise<O> }

export type ActionDef = Entry<unknown>

const def = <S extends z.ZodType, O>(d: Def<S, O>): Entry<O> => d as Entry<O>

/** THE action table: name → input schema, who may call, use case. Nothing else routes. */
export const ACTIONS: { [A in ActionName]: Entry<ActionOutput<A>> } = {
  'auth.devLogin': def({ input: devLoginSchema, auth: 'public', handler: signInForDevelopment }),
  'auth.wxLogin': def({ input: wxLoginSchema, auth: 'public', handler: signInWithWechat }),
  'me.get': def({ input: emptySchema, auth: 'user', handler: viewMyProfile }),
  'community.get': def({ input: emptySchema, auth: 'user', handler: viewMyCommunity }),
  'notice.publish': def({ input: noticePublishSchema, auth: 'user', handler: publishNotice }),
  'notice.list': def({ input: noticeListSchema, auth: 'user', handler: listMyNotices }),
  'notice.get': def({ input: noticeIdSchema, auth: 'user', handler: readNotice }),
  'notice.confirm': def({ input: noticeIdSchema, auth: 'user', handler: confirmNotice }),
  'notice.stats': def({ input: noticeIdSchema, auth: 'user', handler: viewNoticeStats }),
  'notice.withdraw': def({ input: noticeIdSchema, auth: 'user', handler: withdrawNotice }),
  'me.setPhone': def({ input: setPhoneSchema, auth: 'user', handler: setMyPhone }),
  'household.import': def({ input: householdImportSchema, auth: 'user', handler: importHouseholdRoster }),
  'household.list': def({ input: householdListSchema, auth: 'user', handler: listHouseholds }),
  'household.export': def({ input: householdExportSchema, auth: 'user', handler: exportHouseholdRoster }),
  'resident.apply': def({ input: residentApplySchema, auth: 'user', handler: applyForVerification }),
  'resident.myApplication': def({ input: emptySchema, auth: 'user', handler: viewMyApplication }),
  'resident.applications': def({ input: applicationListSchema, auth: 'user', handler: listResidentApplications }),
  'resident.review': def({ input: residentReviewSchema, auth: 'user', handler: reviewResidentApplication }),
  'resident.register': def({ input: residentRegisterSchema, auth: 'user', handler: registerResident }),
  'member.list': def({ input: memberListSchema, auth: 'user', handler: listMembers }),
  'member.assignGrids': def({ input: memberAssignGridsSchema, auth: 'user', handler: assignGrids }),
  'volunteer.apply': def({ input: volunteerApplySchema, auth: 'user', handler: applyAsVolunteer }),
  'volunteer.myApplication': def({ input: emptySchema, auth: 'user', handler: viewMyVolunteerApplication }),
  'volunteer.applications': def({ input: applicationListSchema, auth: 'user', handler: listVolunteerApplications }),
  'volunteer.review': def({ input: volunteerReviewSchema, auth: 'user', handler: reviewVolunteerApplication }),
}

export function findAction(name: string): ActionDef | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name) ? (ACTIONS as Record<string, ActionDef>)[name] : undefined
}
