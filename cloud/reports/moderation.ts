import type { Deps } from './ports'

/**
 * A report is a message to the people who must act on it: describing 赌博, 诈骗 or a fight is what it is
 * for, so the content check never refuses one. Text the check flags ('review' or 'risky') is received,
 * handled by staff as usual, and kept out of what other residents see.
 */
export async function moderationOf(deps: Pick<Deps, 'contentCheck'>, texts: string[], userId: string): Promise<'clean' | 'review'> {
  const verdict = await deps.contentCheck.check(texts, { userId, scene: 'comment' })
  return verdict.suggest === 'pass' ? 'clean' : 'review'
}
