import { AppError } from '@/domain/shared/errors'
import type { Deps } from './context'
import type { ContentScene } from './ports'

/** Said when the content check could not answer: nothing was published, the same submit may be tried again. */
export const CHECK_UNAVAILABLE = '内容安全检查暂时不可用，内容尚未发布，请稍后重试'

/**
 * Runs the content-check port for text other people will see (notices, comments, names): 'risky' is refused
 * with CONTENT_REJECTED; 'unavailable' with the retryable UNAVAILABLE (nothing is written). Returns the label
 * of a 'review' hit.
 */
export async function assertCleanText(
  deps: Pick<Deps, 'contentCheck'>,
  texts: string[],
  userId: string,
  scene: Exclude<ContentScene, 'report'>,
): Promise<string | undefined> {
  const verdict = await deps.contentCheck.check(texts, { userId, scene })
  if (verdict.suggest === 'unavailable') throw new AppError('UNAVAILABLE', CHECK_UNAVAILABLE)
  if (verdict.suggest === 'risky') throw new AppError('CONTENT_REJECTED')
  return verdict.suggest === 'review' ? (verdict.label ?? 'review') : undefined
}
