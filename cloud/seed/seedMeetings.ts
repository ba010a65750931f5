import { meetingTimelineNote, responsibleTimelineNote } from '@/domain/meetings'
import { DEFAULT_RESOLVE_DAYS } from '@/domain/reports'
import { acceptDeadline, resolveDeadline } from '@/domain/reports/deadlines'
import { patchOf } from '../reports'
import { DEMO_CITY, DEMO_DISTRICT, DEMO_GRID_CENTRES, DEMO_STREET } from './demoData'
import type { SeedWriter } from './ports'

const HOUR = 3600_000

/**
 * A dispute the grid could not settle, escalated to 锦江社区 and accepted, with one 联席会议 (a task for the grid
 * worker) and a 包保 responsible: what 记录联席会议 and 包保 look like on the demo (issue 17). Written with the report
 * store's own create/change and the rows meeting.record and meeting.assignResponsible write.
 */
export async function seedMeetings(w: SeedWriter, now: Date): Promise<void> {
  const at = (h: number) => new Date(now.getTime() + h * HOUR)
  const iso = (h: number) => at(h).toISOString()
  const day = (h: number) => new Date(at(h).getTime() + 8 * HOUR).toISOString().slice(0, 10)
  const c = DEMO_GRID_CENTRES.g_jj_2!
  const created = at(-120)
  const out = await w.reports.create(
    {
      id: 'r_demo_parking',
      communityId: 'c_jinjiang',
      streetId: DEMO_STREET.id,
      districtId: DEMO_DISTRICT.id,
      cityId: DEMO_CITY.id,
      gridId: 'g_jj_2',
      reporterId: 'u_resident_jj2',
      category: 'dispute',
      description: '2栋门口的公共车位被邻居长期用地锁占着，几户人家为停车吵了好几次，网格员调解过一次没谈拢。',
      latitude: c.latitude,
      longitude: c.longitude,
      address: '锦江社区2栋门口',
      coordSource: 'gcj02',
      anonymous: false,
      visibility: 'private',
      moderation: 'clean',
      assigneeId: 'u_worker_jj2',
      acceptBy: acceptDeadline(created).toISOString(),
      resolveBy: resolveDeadline(created, DEFAULT_RESOLVE_DAYS.dispute).toISOString(),
      createdAt: created.toISOString(),
    },
    [],
    [],
    null,
  )
  if (out.kind !== 'created') throw new Error(`seed meeting dispute: ${out.kind}`)
  let r = out.report
  const step = async (h: number, actorId: string, action: string, note: string | null, patch: Partial<ReturnType<typeof patchOf>>) => {
    const res = await w.reports.change({
      id: r.id,
      version: r.version,
      patch: { ...patchOf(r), ...patch },
      at: iso(h),
      event: { actorId, action, note, toUserId: null },
      eventPhotoIds: [],
      photoOwnerId: actorId,
      messages: [],
    })
    if (res.kind !== 'done') throw new Error(`seed meeting dispute ${action}: ${res.kind}`)
    r = res.report
  }
  await step(-118, 'u_worker_jj2', 'accept', null, { status: 'accepted', acceptedAt: iso(-118), assigneeId: 'u_worker_jj2' })
  await step(-96, 'u_worker_jj2', 'escalate', '涉及多户和物业，网格层面协调不了，上报社区', {
    status: 'submitted',
    level: 'community',
    assigneeId: null,
    acceptedAt: null,
    acceptBy: acceptDeadline(at(-96)).toISOString(),
    resolveBy: resolveDeadline(at(-96), DEFAULT_RESOLVE_DAYS.dispute).toISOString(),
  })
  await step(-94, 'u_committee_jj', 'accept', null, { status: 'accepted', acceptedAt: iso(-94), assigneeId: 'u_committee_jj' })

  const bump = () => w.run('UPDATE reports SET version = version + 1 WHERE id = ?', [r.id])
  const event = (h: number, actor: string, action: string, note: string, to: string | null) =>
    w.run('INSERT INTO report_events (report_id, at, actor_id, action, note, status, level, to_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      r.id, iso(h), actor, action, note, 'accepted', 'community', to,
    ])
  await w.run('INSERT INTO dispute_responsibles (report_id, user_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)', [r.id, 'u_committee_jj', 'u_committee_jj', iso(-93)])
  await event(-93, 'u_committee_jj', 'responsible', responsibleTimelineNote('社区 陈秀兰'), 'u_committee_jj')
  await bump()

  const meeting = {
    heldOn: day(-48),
    departments: ['物业服务中心', '派出所'],
    outcome: 'partly' as const,
  }
  await w.run(
    `INSERT INTO meetings (id, report_id, held_on, place, departments, attendees, decision, outcome, recorded_by, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      'mt_demo_parking', r.id, meeting.heldOn, '锦江社区议事厅', JSON.stringify(meeting.departments),
      JSON.stringify([
        { name: '李秀芳', role: '2栋住户' },
        { name: '何志强', role: '2栋住户' },
        { name: '陈秀兰', role: '社区' },
        { name: '吴刚', role: '物业' },
      ]),
      '物业三天内拆除私装地锁，2栋门口车位改为先到先停；何志强家的电动车改停到北侧车棚。派出所民警周末回访。',
      meeting.outcome, 'u_committee_jj', iso(-46),
    ],
  )
  await w.run('INSERT INTO meeting_tasks (id, meeting_id, report_id, position, owner_id, task, due_on) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    'mtt_demo_parking', 'mt_demo_parking', r.id, 0, 'u_worker_jj2', '周五前上门回访两户，确认地锁已拆除', day(48),
  ])
  await event(-46, 'u_committee_jj', 'meeting', meetingTimelineNote(meeting), null)
  await bump()
}
