import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** My balance alone (the ledger's head, one entry), for 积分超市 to say what I can afford. */
export function useBalance() {
  const remote = useRemote<{ balance: number }>('points:balance', () => callApi('points.ledger', { limit: 1 }))
  return remote.data?.balance ?? null
}
