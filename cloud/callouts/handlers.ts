import { calloutsContract } from '@/domain/callouts/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { answerCallout } from './answerCallout'
import { checkInToCallout } from './checkInToCallout'
import { closeCallout } from './closeCallout'
import { extendCallout } from './extendCallout'
import { issueCallout } from './issueCallout'
import { listCallouts } from './listCallouts'
import { viewCallout } from './viewCallout'

export const calloutsHandlers: Handlers<typeof calloutsContract, Deps> = {
  'callout.create': issueCallout,
  'callout.list': listCallouts,
  'callout.get': viewCallout,
  'callout.answer': answerCallout,
  'callout.checkin': checkInToCallout,
  'callout.close': closeCallout,
  'callout.extend': extendCallout,
}
