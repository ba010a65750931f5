import type { CommunityView, DevLoginInput, Me, Session, WxLoginInput } from './auth'
import type {
  Notice,
  NoticeIdInput,
  NoticeListInput,
  NoticeListPage,
  NoticePublishInput,
  NoticeStats,
} from './notice'

/** Every action of the API with its input and output, for the typed client. */
export interface ActionMap {
  'auth.devLogin': { input: DevLoginInput; output: Session }
  'auth.wxLogin': { input: WxLoginInput; output: Session }
  'me.get': { input: Record<string, never>; output: Me }
  'community.get': { input: Record<string, never>; output: CommunityView }
  'notice.publish': { input: NoticePublishInput; output: Notice }
  'notice.list': { input: NoticeListInput; output: NoticeListPage }
  'notice.get': { input: NoticeIdInput; output: Notice }
  'notice.confirm': { input: NoticeIdInput; output: { confirmedAt: string } }
  'notice.stats': { input: NoticeIdInput; output: NoticeStats }
  'notice.withdraw': { input: NoticeIdInput; output: { withdrawnAt: string } }
}

export type ActionName = keyof ActionMap
export type ActionInput<A extends ActionName> = ActionMap[A]['input']
export type ActionOutput<A extends ActionName> = ActionMap[A]['output']
