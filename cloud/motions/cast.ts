import { AppError } from '@/domain/shared/errors'
import { choiceKey, isChoiceOf, type Choice } from '@/domain/motions'
import type { Deps, MotionRecord } from './ports'
import { householdFullMessage, newReceipt, NOT_VOTING, receiptHash } from './access'

export const RECEIPT_TAKEN = '回执码重复，请重试'

/**
 * Casts one ballot for a voter key (a user or a household) through the store's one atomic method: the voter
 * row and the ballot row together (for an adults motion with a place of the household), or neither. The receipt is the voter's device's own (motion.cast with
 * `receipt`) or made here; it leaves here once and only its hash is stored. Nothing here logs or audits a
 * choice or a receipt.
 */
export async function castFor(
  deps: Deps,
  m: MotionRecord,
  voterKey: string,
  householdId: string | null,
  channel: 'online' | 'offline',
  recordedBy: string | null,
  choice: Choice,
  given?: string,
): Promise<{ receipt: string }> {
  if (!isChoiceOf(m, choice)) {
    const message = m.kind === 'rules' ? '请选择赞成、反对或弃权' : '请选择议题中的一个选项'
    throw new AppError('INVALID_INPUT', message, [{ path: 'choice', message }])
  }
  const receipt = given ?? newReceipt()
  const at = deps.clock.now().toISOString()
  const outcome = await deps.store.motions.cast(
    m.id,
    { voterKey, householdId, channel, recordedBy, receiptHash: receiptHash(receipt), choice: choiceKey(choice) },
    at,
  )
  if (outcome.kind === 'notVoting') throw new AppError('CONFLICT', NOT_VOTING)
  if (outcome.kind === 'receiptTaken') throw new AppError('CONFLICT', RECEIPT_TAKEN)
  if (outcome.kind === 'householdFull') throw new AppError('NOT_ELIGIBLE', householdFullMessage(outcome.adults, channel === 'online'))
  if (outcome.kind === 'alreadyVoted') {
    throw new AppError('ALREADY_VOTED', m.eligibility === 'households' ? '本户已经投过票，每户只能投一次' : undefined)
  }
  return { receipt }
}
