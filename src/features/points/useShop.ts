import { useCallback, useState } from 'react'
import type { RedemptionView, RewardCreateInput, RewardView } from '@/domain/points'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'

/** 积分超市: the rewards with stock, a redemption (one requestId per attempt), and the committee's new reward. */
export function useShop() {
  const remote = useRemote<{ items: RewardView[] }>('points:rewards', () => callApi('reward.list', {}))
  const redeemSend = useSubmit((rewardId: string, requestId: string) => callApi('points.redeem', { rewardId }, { requestId }))
  const createSend = useSubmit((input: RewardCreateInput, requestId: string) => callApi('reward.create', input, { requestId }))
  const [done, setDone] = useState<{ redemption: RedemptionView; balance: number } | null>(null)
  const { reload } = remote
  const redeem = useCallback(
    async (rewardId: string): Promise<boolean> => {
      const r = await redeemSend.submit(rewardId)
      if (r.ok) setDone(r.data)
      await reload({ silent: true })
      return r.ok
    },
    [redeemSend, reload],
  )
  const create = useCallback(
    async (input: RewardCreateInput): Promise<boolean> => {
      const r = await createSend.submit(input)
      if (r.ok) await reload({ silent: true })
      return r.ok
    },
    [createSend, reload],
  )
  return {
    ...remote,
    redeem,
    redeeming: redeemSend.submitting,
    redeemError: redeemSend.error,
    done,
    create,
    creating: createSend.submitting,
    createError: createSend.error,
  }
}
