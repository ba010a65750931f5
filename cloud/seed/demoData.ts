import type { Role } from '@/domain/shared/roles'
import type { NewNotice } from '../notices'
import type { RosterRow } from '../residents'
import { GIVEN, MIDDLES, SURNAMES } from '../shared/demoNames'

/**
 * Demo organisation: fictional 江城市 › 滨江区 › 振兴街道 with 锦江社区 and 临江村, three grids each.
 * Fixed ids so that the README, tests and benches can name them. All names and numbers are made up.
 */
export const DEMO_CITY = { id: 'ct_jiangcheng', name: '江城市' }
export const DEMO_DISTRICT = { id: 'd_binjiang', name: '滨江区' }
export const DEMO_STREET = { id: 'st_zhenxing', name: '振兴街道' }

export const DEMO_COMMUNITIES = [
  { id: 'c_jinjiang', name: '锦江社区', kind: 'community' as const },
  { id: 'c_linjiang', name: '临江村', kind: 'village' as const },
]

/** 锦江社区 has published a service phone for each grid (made-up numbers); 临江村 not yet. */
export const DEMO_GRIDS = [
  { id: 'g_jj_1', communityId: 'c_jinjiang', name: '第一网格', servicePhone: '0575-87010001' },
  { id: 'g_jj_2', communityId: 'c_jinjiang', name: '第二网格', servicePhone: '0575-87010002' },
  { id: 'g_jj_3', communityId: 'c_jinjiang', name: '第三网格', servicePhone: '0575-87010003' },
  { id: 'g_lj_1', communityId: 'c_linjiang', name: '第一网格', servicePhone: null },
  { id: 'g_lj_2', communityId: 'c_linjiang', name: '第二网格', servicePhone: null },
  { id: 'g_lj_3', communityId: 'c_linjiang', name: '第三网格', servicePhone: null },
]


export interface DemoHousehold extends RosterRow {
  id: string
  phone: string
}

/**
 * ~10 households per grid: 锦江社区 1栋1单元101 …, 临江村 1组 (no 单元), with made-up names like 王建华 and
 * made-up numbers 1390000xxxx.
 */
export function demoHouseholds(): DemoHousehold[] {
  const out: DemoHousehold[] = []
  for (const [gi, g] of DEMO_GRIDS.entries()) {
    const village = g.communityId === 'c_linjiang'
    for (let i = 0; i < 10; i++) {
      out.push({
        id: `h_${g.id.slice(2)}_${String(i + 1).padStart(2, '0')}`,
        gridId: g.id,
        building: village ? `${gi - 2}组` : `${gi + 1}栋`,
        unit: village ? '' : i < 6 ? '1单元' : '2单元',
        room: `${Math.floor(i / 2) + 1}0${(i % 2) + 1}`,
        headName: `${SURNAMES[(gi + i) % 10]}${MIDDLES[(gi + i) % 10]}${GIVEN[(gi * 3 + i) % 10]}`,
        adults: 1 + ((gi + i) % 4),
        phone: `1390000${String(gi * 100 + i + 10).padStart(4, '0')}`,
      })
    }
  }
  return out
}

export interface DemoUser {
  id: string
  name: string
  phone: string
  roles: Role[]
  communityId: string
  gridId: string | null
  householdId: string | null
  verified: boolean
  workerGridIds: string[]
}

export const DEMO_USERS: DemoUser[] = [
  { id: 'u_committee_jj', name: '陈秀兰', phone: '13800000001', roles: ['committee'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_committee_lj', name: '刘建国', phone: '13800000002', roles: ['committee'], communityId: 'c_linjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_street', name: '赵明', phone: '13800000003', roles: ['street'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_worker_jj1', name: '孙丽', phone: '13800000004', roles: ['gridWorker'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: ['g_jj_1'] },
  { id: 'u_worker_jj2', name: '周强', phone: '13800000005', roles: ['gridWorker'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: ['g_jj_2', 'g_jj_3'] },
  { id: 'u_resident_jj1', name: '王建华', phone: '13900000001', roles: ['resident'], communityId: 'c_jinjiang', gridId: 'g_jj_1', householdId: 'h_jj_1_01', verified: true, workerGridIds: [] },
  { id: 'u_resident_jj2', name: '李秀芳', phone: '13900000002', roles: ['resident'], communityId: 'c_jinjiang', gridId: 'g_jj_2', householdId: 'h_jj_2_01', verified: true, workerGridIds: [] },
  { id: 'u_resident_jj3', name: '张国军', phone: '13900000003', roles: ['resident'], communityId: 'c_jinjiang', gridId: 'g_jj_3', householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_volunteer_jj1', name: '杨春敏', phone: '13900000004', roles: ['resident', 'volunteer'], communityId: 'c_jinjiang', gridId: 'g_jj_1', householdId: 'h_jj_1_02', verified: true, workerGridIds: [] },
  { id: 'u_resident_lj1', name: '黄德静', phone: '13900000005', roles: ['resident'], communityId: 'c_linjiang', gridId: 'g_lj_1', householdId: 'h_lj_1_01', verified: true, workerGridIds: [] },
  // signed in, not yet placed in a grid: their applications wait for the committee (issue 3)
  { id: 'u_applicant_jj1', name: '吴永丽', phone: '13900000006', roles: ['resident'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_applicant_jj2', name: '郑海涛', phone: '13900000007', roles: ['resident'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  // 综治中心 staff above the street: placed in the organisation by the community they belong to, like the street's
  { id: 'u_district', name: '钱卫东', phone: '13800000006', roles: ['district'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
  { id: 'u_city', name: '冯雅琴', phone: '13800000007', roles: ['city'], communityId: 'c_jinjiang', gridId: null, householdId: null, verified: false, workerGridIds: [] },
]

export interface DemoResidentApplication {
  id: string
  userId: string
  gridId: string
  building: string
  unit: string
  room: string
  name: string
  relation: 'head' | 'member' | 'tenant'
  status: 'pending' | 'verified'
  householdId: string | null
  /** hours relative to the seed time */
  atHours: number
}

/**
 * The verified demo residents' applications (so 户主 seats are taken as in real data) and three pending
 * ones for the committee's first look: a 户主 whose name differs from the roster, a family member of a
 * roster room, a tenant of a room missing from the roster.
 */
export const DEMO_RESIDENT_APPLICATIONS: DemoResidentApplication[] = [
  { id: 'ra_jj1', userId: 'u_resident_jj1', gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '101', name: '王建华', relation: 'head', status: 'verified', householdId: 'h_jj_1_01', atHours: -24 * 20 },
  { id: 'ra_jj2', userId: 'u_resident_jj2', gridId: 'g_jj_2', building: '2栋', unit: '1单元', room: '101', name: '李秀芳', relation: 'member', status: 'verified', householdId: 'h_jj_2_01', atHours: -24 * 19 },
  { id: 'ra_vol1', userId: 'u_volunteer_jj1', gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '102', name: '杨春敏', relation: 'member', status: 'verified', householdId: 'h_jj_1_02', atHours: -24 * 18 },
  { id: 'ra_lj1', userId: 'u_resident_lj1', gridId: 'g_lj_1', building: '1组', unit: '', room: '101', name: '黄德静', relation: 'member', status: 'verified', householdId: 'h_lj_1_01', atHours: -24 * 17 },
  { id: 'ra_pending_jj3', userId: 'u_resident_jj3', gridId: 'g_jj_3', building: '3栋', unit: '1单元', room: '101', name: '张国军', relation: 'head', status: 'pending', householdId: null, atHours: -30 },
  { id: 'ra_pending_a1', userId: 'u_applicant_jj1', gridId: 'g_jj_1', building: '1栋', unit: '1单元', room: '201', name: '吴永丽', relation: 'member', status: 'pending', householdId: null, atHours: -20 },
  { id: 'ra_pending_a2', userId: 'u_applicant_jj2', gridId: 'g_jj_2', building: '9栋', unit: '', room: '502', name: '郑海涛', relation: 'tenant', status: 'pending', householdId: null, atHours: -4 },
]

/** One pending volunteer application (a verified resident of 第二网格). */
export const DEMO_VOLUNTEER_APPLICATIONS = [
  { id: 'va_jj2', userId: 'u_resident_jj2', communityId: 'c_jinjiang', skills: '退休护士，会急救', availability: '工作日下午、周末', atHours: -8 },
]

export interface DemoNotice extends Omit<NewNotice, 'publishAt' | 'expireAt' | 'createdAt'> {
  /** hours relative to the seed time (negative = in the past) */
  publishInHours: number
  expireInHours: number | null
}

export const DEMO_NOTICES: DemoNotice[] = [
  {
    id: 'n_fire_check',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '关于开展冬季消防安全检查的通知',
    body: '各位居民：为消除火灾隐患，社区将于本周六上午 9:00—11:30 联合物业逐楼检查楼道堆物、电动车违规充电情况。请各户配合清理楼道杂物，电动车请到小区集中充电棚充电。感谢大家的理解与支持！',
    category: 'safety',
    pinned: true,
    important: false,
    gridIds: null,
    publishInHours: -48,
    expireInHours: null,
  },
  {
    id: 'n_water_cut',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '停水通知：明日 8:00—14:00 管网检修',
    body: '因市政供水管网检修，明日 8:00—14:00 锦江社区全域停水。请提前储水，关闭家中水龙头，恢复供水后先放水 1—2 分钟再使用。如有困难的独居老人，请联系所在网格员。',
    category: 'notice',
    pinned: false,
    important: true,
    gridIds: null,
    publishInHours: -3,
    expireInHours: 48,
  },
  {
    id: 'n_grid1_cleanup',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '第一网格楼道杂物集中清运',
    body: '第一网格（1栋—3栋）本周三下午统一清运楼道杂物，请于周三中午前将需要清运的物品放到楼下指定位置，贵重物品请勿放置。',
    category: 'notice',
    pinned: false,
    important: true,
    gridIds: ['g_jj_1'],
    publishInHours: -20,
    expireInHours: null,
  },
  {
    id: 'n_insurance',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '城乡居民医保缴费政策宣传',
    body: '新一年度城乡居民基本医疗保险开始缴费。可通过微信“城乡居民医保”或到社区服务站办理。60 岁以上老人可由家属代缴，社区工作人员可上门协助。',
    category: 'policy',
    pinned: false,
    important: false,
    gridIds: null,
    publishInHours: -30,
    expireInHours: null,
  },
  {
    id: 'n_fraud_warning',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '防范电信诈骗：警惕“冒充客服退款”',
    body: '近期有居民接到自称购物平台客服的电话，以退款为由诱导下载会议软件、共享屏幕。请记住：正规客服不会要求共享屏幕或转账。遇到可疑电话请拨打 96110 咨询。',
    category: 'safety',
    pinned: false,
    important: false,
    gridIds: ['g_jj_2', 'g_jj_3'],
    publishInHours: -10,
    expireInHours: null,
  },
  {
    id: 'n_new_year_show',
    communityId: 'c_jinjiang',
    authorId: 'u_committee_jj',
    title: '社区邻里文艺汇演报名',
    body: '社区将于下周末举办邻里文艺汇演，欢迎居民报名参加合唱、广场舞、戏曲等节目。报名请联系社区服务站。',
    category: 'event',
    pinned: false,
    important: false,
    gridIds: null,
    publishInHours: 72,
    expireInHours: 24 * 30,
  },
  {
    id: 'n_lj_meeting',
    communityId: 'c_linjiang',
    authorId: 'u_committee_lj',
    title: '临江村村民议事会通知',
    body: '本月 15 日晚 7 点在村委会二楼召开村民议事会，议题：村道路灯维修与村规民约修订意见征集。请各户派代表参加。',
    category: 'notice',
    pinned: true,
    important: true,
    gridIds: null,
    publishInHours: -6,
    expireInHours: null,
  },
]

// ---------- reports (issue 4) ----------

/**
 * Grid centres (GCJ-02) around 枫桥镇: 锦江社区's three grids side by side west to east, 临江村's about 1 km
 * to the north-east. Each grid is a rectangle of about 400 m × 400 m around its centre.
 */
export const DEMO_GRID_CENTRES: Record<string, { latitude: number; longitude: number }> = {
  g_jj_1: { latitude: 29.63, longitude: 120.4258 },
  g_jj_2: { latitude: 29.63, longitude: 120.43 },
  g_jj_3: { latitude: 29.63, longitude: 120.4342 },
  g_lj_1: { latitude: 29.638, longitude: 120.44 },
  g_lj_2: { latitude: 29.638, longitude: 120.4442 },
  g_lj_3: { latitude: 29.638, longitude: 120.4484 },
}

/** Half the side of a demo grid: 0.0018° of latitude (≈ 200 m), 0.0021° of longitude (≈ 203 m at 29.6°N). */
export const DEMO_GRID_HALF = { latitude: 0.0018, longitude: 0.0021 }

/** The closed ring [[latitude, longitude], ...] of a demo grid (neighbouring 锦江 grids share an edge). */
export function demoGridBoundary(gridId: string): [number, number][] {
  const c = DEMO_GRID_CENTRES[gridId]
  if (!c) throw new Error(`no centre for ${gridId}`)
  const { latitude: dy, longitude: dx } = DEMO_GRID_HALF
  const r = (n: number) => Math.round(n * 1e6) / 1e6
  return [
    [r(c.latitude - dy), r(c.longitude - dx)],
    [r(c.latitude - dy), r(c.longitude + dx)],
    [r(c.latitude + dy), r(c.longitude + dx)],
    [r(c.latitude + dy), r(c.longitude - dx)],
    [r(c.latitude - dy), r(c.longitude - dx)],
  ]
}

export interface DemoReportStep {
  /** hours relative to the seed time */
  atHours: number
  actorId: string
  action: 'accept' | 'note' | 'resolve'
  note: string | null
}

export interface DemoReport {
  id: string
  reporterId: string
  gridId: string
  category: 'dispute' | 'environment' | 'facility' | 'safety_hazard'
  description: string
  anonymous: boolean
  visibility: 'public' | 'private'
  address: string | null
  /** metres east/north of the grid centre (null: reported without a location) */
  offset: [number, number] | null
  atHours: number
  steps: DemoReportStep[]
}

/** A live community: one being handled, one resolved waiting for the rating, a private dispute, a fresh hazard. */
export const DEMO_REPORTS: DemoReport[] = [
  {
    id: 'r_demo_garbage',
    reporterId: 'u_resident_jj1',
    gridId: 'g_jj_1',
    category: 'environment',
    description: '1栋东侧垃圾桶满了两天没人清运，天热气味很大，还招苍蝇。',
    anonymous: false,
    visibility: 'public',
    address: '锦江社区1栋东侧',
    offset: [60, -40],
    atHours: -26,
    steps: [
      { atHours: -25, actorId: 'u_worker_jj1', action: 'accept', note: null },
      { atHours: -4, actorId: 'u_worker_jj1', action: 'note', note: '已联系环卫所，今天下午加派一趟清运车。' },
    ],
  },
  {
    id: 'r_demo_streetlight',
    reporterId: 'u_resident_jj2',
    gridId: 'g_jj_2',
    category: 'facility',
    description: '2栋和3栋之间的路灯坏了一周，晚上老人散步看不清路。',
    anonymous: true,
    visibility: 'public',
    address: '锦江社区2栋与3栋之间',
    offset: [-30, 50],
    atHours: -76,
    steps: [
      { atHours: -74, actorId: 'u_worker_jj2', action: 'accept', note: null },
      { atHours: -22, actorId: 'u_worker_jj2', action: 'resolve', note: '物业已更换灯泡和损坏的线路，路灯恢复正常。' },
    ],
  },
  {
    id: 'r_demo_dispute',
    reporterId: 'u_volunteer_jj1',
    gridId: 'g_jj_1',
    category: 'dispute',
    description: '楼上住户空调外机漏水滴在我家阳台，沟通几次没有解决，希望网格员帮忙协调。',
    anonymous: false,
    visibility: 'private',
    address: null,
    offset: null,
    atHours: -3,
    steps: [],
  },
  {
    id: 'r_demo_corridor',
    reporterId: 'u_resident_jj3',
    gridId: 'g_jj_3',
    category: 'safety_hazard',
    description: '3栋2单元楼道里停了好几辆电动车，还有人拉线充电，担心着火。',
    anonymous: false,
    visibility: 'public',
    address: '锦江社区3栋2单元',
    offset: [10, 10],
    atHours: -1,
    steps: [],
  },
]
