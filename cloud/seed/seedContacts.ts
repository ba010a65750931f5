import type { SeedWriter } from './ports'

const DAY = 86_400_000

/**
 * 党员干部联系户 in 锦江社区 (issue 17): the demo volunteer 杨春敏 is a party member who keeps in touch with three
 * households of 第一网格 (王建华's among them, so the demo resident sees their contact on 我的) and has logged one visit.
 */
export const DEMO_CADRE = {
  userId: 'u_volunteer_jj1',
  title: 'partyMember',
  publicNote: '工作日晚上 7 点后方便接电话',
  households: ['h_jj_1_01', 'h_jj_1_03', 'h_jj_1_04'],
} as const

export async function seedContacts(w: SeedWriter, now: Date): Promise<void> {
  const at = (days: number) => new Date(now.getTime() - days * DAY).toISOString()
  const c = DEMO_CADRE
  await w.run(
    `INSERT INTO cadres (user_id, community_id, title, publish_phone, public_note, households, created_at, updated_at)
     VALUES (?, 'c_jinjiang', ?, ?, ?, ?, ?, ?)`,
    [c.userId, c.title, true, c.publicNote, c.households.length, at(30), at(30)],
  )
  for (const h of c.households) {
    await w.run(
      `INSERT INTO contact_assignments (household_id, cadre_id, community_id, assigned_by, assigned_at)
       VALUES (?, ?, 'c_jinjiang', 'u_committee_jj', ?)`,
      [h, c.userId, at(30)],
    )
  }
  await w.run(
    `INSERT INTO contact_logs (id, household_id, cadre_id, community_id, kind, at, note, created_at)
     VALUES ('cl_demo_1', 'h_jj_1_01', ?, 'c_jinjiang', 'visit', ?, ?, ?)`,
    [c.userId, at(3), '上门看望，老人身体还好；提醒冬季用电安全，家里插线板已更换。', at(3)],
  )
}
