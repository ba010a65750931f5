import type { z } from 'zod'
import type { ActionName, ActionOutput } from '@/domain/actions'
import { devLoginSchema, emptySchema, wxLoginSchema } from '@/domain/auth'
import { noticeIdSchema, noticeListSchema, noticePublishSchema } from '@/domain/notice'
import { signInForDevelopment } from '../auth/devLogin'
import { viewMyProfile } from '../auth/me'
import { signInWithWechat } from '../auth/wxLogin'
import { viewMyCommunity } from '../community/viewCommunity'
import { confirmNotice } from '../notices/confirmNotice'
import { listMyNotices } from '../notices/listNotices'
import { viewNoticeStats } from '../notices/noticeStats'
import { publishNotice } from '../notices/publishNotice'
import { readNotice } from '../notices/readNotice'
import { withdrawNotice } from '../notices/withdrawNotice'
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
}

export function findAction(name: string): ActionDef | undefined {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name) ? (ACTIONS as Record<string, ActionDef>)[name] : undefined
}
