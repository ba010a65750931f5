// Report and message builders for the staff-side screens (shapes from src/domain/report and message).
import type { MessageView } from '@/domain/messages'
import type { ReportSummary, ReportSummaryCounts, ReportView } from '@/domain/reports'

const HOUR = 3600_000

export function staffSummary(id: string, over: Partial<ReportSummary> = {}): ReportSummary {
  return {
    id,
    category: 'environment',
    excerpt: `问题 ${id}：楼道堆放杂物，挡住消防通道`,
    status: 'submitted',
    level: 'grid',
    gridId: 'g-1',
    gridName: '第一网格',
    visibility: 'public',
    anonymous: false,
    reporterName: '王秀兰',
    createdAt: new Date(Date.now() - 5 * HOUR).toISOString(),
    acceptBy: new Date(Date.now() + 3 * HOUR).toISOString(),
    resolveBy: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
    dueAt: new Date(Date.now() + 3 * HOUR).toISOString(),
    overdue: false,
    supporters: 0,
    stars: null,
    cover: null,
    address: null,
    ...over,
  }
}

export function staffView(id: string, over: Partial<ReportView> = {}): ReportView {
  return {
    ...staffSummary(id),
    viewer: 'handler',
    description: '3 号楼二单元楼道堆放纸箱和旧家具，挡住消防通道。',
    photos: [],
    location: null,
    reporterPhone: '13800001111',
    assignee: { id: 'u-gw1', name: '李明' },
    handler: { who: '网格员 李明', phone: null },
    timeline: [],
    mediation: null,
    rating: null,
    reopenCount: 0,
    resolvedAt: null,
    mine: false,
    supportedByMe: false,
    can: [],
    ...over,
  }
}

export function summaryCounts(over: Partial<ReportSummaryCounts> = {}): ReportSummaryCounts {
  return {
    total: 10,
    byStatus: { submitted: 3, accepted: 4, resolved: 3 },
    byCategory: { environment: 6, dispute: 4 },
    byGrid: [
      { gridId: 'g-1', gridName: '第一网格', total: 7, open: 5, overdue: 2 },
      { gridId: 'g-2', gridName: '第二网格', total: 3, open: 2, overdue: 0 },
    ],
    byArea: [],
    overdue: 2,
    disputes: { settled: 4, settledLocally: 3, share: 0.75 },
    ...over,
  }
}

export function message(id: string, over: Partial<MessageView> = {}): MessageView {
  return {
    id,
    kind: 'report',
    title: `您上报的问题已受理 ${id}`,
    body: '网格员 李明 已受理，将在 5 个工作日内办结。',
    target: { type: 'report', id: `r-${id}` },
    createdAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    read: false,
    ...over,
  }
}
