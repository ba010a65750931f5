import { read, write } from '../shared/contract'
import {
  calloutAnswerSchema,
  calloutCheckinSchema,
  calloutCloseSchema,
  calloutCreateSchema,
  calloutExtendSchema,
  calloutIdSchema,
  calloutListSchema,
  type CalloutAnswerResult,
  type CalloutCheckinResult,
  type CalloutDetail,
  type CalloutListPage,
  type CalloutView,
} from '.'

/** 社会动员 call-outs: issue, answer 能来/来不了 with a task, 报到 on site, live headcount, close early or extend. */
export const calloutsContract = {
  'callout.create': write(calloutCreateSchema).returns<CalloutView>(),
  'callout.list': read(calloutListSchema).returns<CalloutListPage>(),
  'callout.get': read(calloutIdSchema).returns<CalloutDetail>(),
  'callout.answer': write(calloutAnswerSchema).returns<CalloutAnswerResult>(),
  'callout.checkin': write(calloutCheckinSchema).returns<CalloutCheckinResult>(),
  'callout.close': write(calloutCloseSchema).returns<CalloutView>(),
  'callout.extend': write(calloutExtendSchema).returns<CalloutView>(),
}
