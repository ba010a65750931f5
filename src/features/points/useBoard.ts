import type { PointsBoard } from '@/domain/points'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** This month's board of the community (names masked by the server). */
export function useBoard() {
  return useRemote<PointsBoard>('points:board', () => callApi('points.board', {}))
}
