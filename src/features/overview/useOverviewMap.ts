import type { OverviewMap, OverviewMapInput } from '@/domain/overview'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'

/** 一张图 of the caller's area (or an area under it) over a period: reloaded when the input changes. */
export function useOverviewMap(userId: string, input: OverviewMapInput) {
  return useRemote<OverviewMap>(`overview-map:${userId}:${JSON.stringify(input)}`, () => callApi('overview.map', input))
}
