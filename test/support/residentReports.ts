// Report builders for the resident-side report screens (shapes from src/domain/report).
import type { NearbyReport, ReportSummary, ReportView, TimelineEntry } from '@/domain/reports'

export function makeReportSummary(id: string, over: Partial<ReportSummary> = {}): ReportSummary {
  const created = new Date(Date.now() - 2 * 3600_000).toISOString()
  return {
    id,
    category: 'facility',
    excerpt: '3 号楼东侧路灯坏了一个星期，晚上很黑',
    status: 'submitted',
    level: 'grid',
    gridId: 'g-1',
    gridName: '第一网格',
    visibility: 'public',
    anonymous: false,
    reporterName: '王*兰',
    createdAt: created,
    acceptBy: new Date(Date.now() + 4 * 3600_000).toISOString(),
    resolveBy: new Date(Date.now() + 5 * 86400_000).toISOString(),
    dueAt: new Date(Date.now() + 4 * 3600_000).toISOString(),
    overdue: false,
    supporters: 0,
    stars: null,
    cover: null,
    address: null,
    ...over,
  }
}

export function makeNearby(id: string, distance: number, over: Partial<ReportSummary> = {}): NearbyReport {
  return { ...makeReportSummary(id, over), distance }
}

export function makeStep(id: string, over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id,
    at: new Date(Date.now() - 3600_000).toISOString(),
    action: 'create',
    actor: '居民 王秀兰',
    note: null,
    photos: [],
    status: 'submitted',
    level: 'grid',
    ...over,
  }
}

export function makeReportView(id: string, over: Partial<ReportView> = {}): ReportView {
  return {
    ...makeReportSummary(id),
    viewer: 'reporter',
    description: '3 号楼东侧路灯坏了一个星期，晚上很黑，老人出门不方便。',
    photos: [],
    location: { latitude: 30.27, longitude: 120.15, address: '枫桥社区 3 号楼东侧' },
    reporterPhone: null,
    assignee: { id: 'u-gw', name: '李明' },
    handler: { who: '网格员 李明', phone: null },
    timeline: [makeStep('e1')],
    mediation: null,
    rating: null,
    reopenCount: 0,
    resolvedAt: null,
    mine: true,
    supportedByMe: false,
    can: [],
    ...over,
  }
}
