import { DEFAULT_RESOLVE_DAYS } from '@/domain/reports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import { addWeeks, weekOf, weekStart } from '@/domain/warnings/rules'
import { DEMO_CITY, DEMO_DISTRICT, DEMO_STREET } from './demoData'
import type { SeedWriter } from './ports'

/**
 * 预测预警 demo (issue 18): a run of 环境卫生 reports in 锦江社区 第一网格 within one week — this week, or last week
 * when this one has barely begun — against a quiet baseline, so the warnings sweep raises exactly one warning on a
 * fresh demo (a spike of 第一网格 × 环境卫生; no location, so no place repeats). Written with report.create's own
 * statements, like the other demo reports.
 */
export const DEMO_SPIKE = [
  { id: 'r_demo_spike_1', reporterId: 'u_resident_jj1', description: '4栋门口的垃圾桶又满了，垃圾散落一地。' },
  { id: 'r_demo_spike_2', reporterId: 'u_volunteer_jj1', description: '5栋后面有人倾倒建筑垃圾，堆了好几袋。' },
  { id: 'r_demo_spike_3', reporterId: 'u_resident_jj1', description: '小区东门绿化带里丢满了外卖盒和塑料袋。' },
  { id: 'r_demo_spike_4', reporterId: 'u_volunteer_jj1', description: '6栋楼下污水井冒水，气味很重。' },
  { id: 'r_demo_spike_5', reporterId: 'u_resident_jj1', description: '2栋旁边的垃圾分类点好几天没人清理。' },
  { id: 'r_demo_spike_6', reporterId: 'u_volunteer_jj1', description: '健身器材旁边有人堆放旧家具和杂物。' },
] as const

const HOUR = 3600_000

/** The times of the spike's reports: spread over this week so far, or over last week when this one is under 6 hours old. */
export function spikeTimes(now: Date, n: number): Date[] {
  const thisWeek = Date.parse(weekStart(weekOf(now.toISOString())))
  const from = now.getTime() - thisWeek >= 6 * HOUR ? thisWeek : Date.parse(weekStart(addWeeks(weekOf(now.toISOString()), -1)))
  const to = from === thisWeek ? now.getTime() : thisWeek
  return Array.from({ length: n }, (_, i) => new Date(from + ((to - from) * (i + 1)) / (n + 1)))
}

export async function seedWarnings(w: SeedWriter, now: Date): Promise<void> {
  const times = spikeTimes(now, DEMO_SPIKE.length)
  for (const [i, d] of DEMO_SPIKE.entries()) {
    const created = times[i]!
    const out = await w.reports.create(
      {
        id: d.id,
        communityId: 'c_jinjiang',
        streetId: DEMO_STREET.id,
        districtId: DEMO_DISTRICT.id,
        cityId: DEMO_CITY.id,
        gridId: 'g_jj_1',
        reporterId: d.reporterId,
        category: 'environment',
        description: d.description,
        latitude: null,
        longitude: null,
        address: '锦江社区第一网格',
        coordSource: null,
        anonymous: false,
        visibility: 'public',
        moderation: 'clean',
        assigneeId: 'u_worker_jj1',
        acceptBy: acceptDeadline(created).toISOString(),
        resolveBy: resolveDeadline(created, DEFAULT_RESOLVE_DAYS.environment).toISOString(),
        createdAt: created.toISOString(),
      },
      [],
      [],
      null,
    )
    if (out.kind !== 'created') throw new Error(`seed report ${d.id}: ${out.kind}`)
  }
}
