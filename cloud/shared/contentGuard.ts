import { AppError } from '@/domain/shared/errors'
import type { Deps } from './context'

/** Runs the content-check port; 'risky' is refused with CONTENT_REJECTED. Returns the label of a 'review' hit. */
export async function assertCleanText(
  deps: Pick<Deps, 'contentCheck'>,
  texts: string[],
  userId: string,
  scene: 'notice' | 'comment' | 'profile',
): Promise<string | undefined> {
  const verdict = await deps.contentCheck.check(texts, { userId, scene })
  if (verdict.suggest === 'risky') throw new AppError('CONTENT_REJECTED')
  return verdict.suggest === 'review' ? (verdict.label ?? 'review') : undefined
}
