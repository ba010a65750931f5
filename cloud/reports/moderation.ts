import type { Deps, Moderation } from './ports'

/**
 * A report is a message to the people who must act on it: describing 赌博, 诈骗 or a fight is what it is
 * for, so the content check never refuses one. Text the check flags ('review' or 'risky') is received,
 * handled by staff as usual, and kept out of what other residents see. A check that could not answer
 * ('unavailable') never blocks the report either: it is held the same way and `unchecked`, so the store queues
 * it for the recheck sweep (recheckHeldReports), which releases it on a pass.
 */
export async function moderationOf(
  deps: Pick<Deps, 'contentCheck'>,
  texts: string[],
  userId: string,
): Promise<{ moderation: Moderation; unchecked: boolean }> {
  const verdict = await deps.contentCheck.check(texts, { userId, scene: 'report' })
  return { moderation: verdict.suggest === 'pass' ? 'clean' : 'review', unchecked: verdict.suggest === 'unavailable' }
}
