import { AppError } from '@/domain/shared/errors'
import { choiceOfKey, normalizeReceipt, type Choice, type motionVerifyReceiptSchema } from '@/domain/motions'
import type { z } from 'zod'
import type { UserCtx } from './ports'
import { receiptHash, visibleMotion } from './access'

/**
 * motion.verifyReceipt — a voter checks their receipt: `counted` says a ballot under it is in the box.
 * Decision: before close `choice` is always null, so that no reply carries any part of a tally while voting
 * runs (not even to the receipt's holder); once closed it is the choice counted, the same as in the
 * published ballot list.
 */
export async function verifyReceipt(
  input: z.output<typeof motionVerifyReceiptSchema>,
  ctx: UserCtx,
): Promise<{ counted: boolean; choice: Choice | null }> {
  const m = await visibleMotion(ctx, input.id)
  const receipt = normalizeReceipt(input.receipt)
  if (!receipt) throw new AppError('INVALID_INPUT', '回执码格式不正确', [{ path: 'receipt', message: '回执码为 16 位字母数字' }])
  const choice = await ctx.deps.store.motions.ballotOf(m.id, receiptHash(receipt))
  if (choice === null) return { counted: false, choice: null }
  return { counted: true, choice: m.status === 'closed' ? choiceOfKey(m.kind, choice) : null }
}
