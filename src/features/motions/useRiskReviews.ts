import type { RiskReviewItem } from '@/domain/motions'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'

export type RiskReviewRow = RiskReviewItem & { id: string }

/** 稳评审核 (street): the 高 assessments of its communities waiting for its answer, oldest first. */
export function useRiskReviews() {
  return usePagedList<RiskReviewRow>('motion-risk-reviews', async (cursor) => {
    const page = await callApi('motion.riskReviews', { ...(cursor ? { cursor } : {}), limit: 20 })
    return { items: page.items.map((i) => ({ ...i, id: i.motionId })), nextCursor: page.nextCursor }
  })
}
