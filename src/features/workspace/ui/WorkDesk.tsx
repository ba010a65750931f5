import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import type { ReportFigures } from '@/domain/reports'
import { isTier } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag, type TagTone } from '@/components/Tag'
import { isTabPage } from '@/services/nav'
import { ROUTES } from '@/services/routes'
import { DeskMeetingTasks } from '@/features/meetings'
import { MOTION_ROUTES } from '@/features/motions'
import { VISIT_ROUTES } from '@/features/visits'
import { POINTS_ROUTES } from '@/features/points'
import { WARNING_ROUTES } from '@/features/warnings'
import { CALLOUT_ROUTES } from '@/features/callouts'
import { AUDIT_ROUTES } from '@/features/audit'
import { OVERVIEW_MAP_ROUTES, OVERVIEW_ROUTES } from '@/features/overview'
import type { DeskCount, DeskKind, useDesk } from '../useDesk'
import '../../../components/workspace.scss'
import './WorkDesk.scss'

/** A tab page by switchTab, any other page by navigateTo. */
export function openPage(url: string): void {
  const go = isTabPage(url) ? Taro.switchTab({ url: url.split('?')[0] as string }) : Taro.navigateTo({ url })
  Promise.resolve(go).catch(() => undefined)
}

interface Figure {
  text: string
  tone: TagTone
}

interface Row {
  label: string
  hint: string
  url: string
  testid: string
  /** the figure of what the row opens; undefined: none for this row */
  figure?: Figure | null
}

interface Group {
  title: string
  testid: string
  rows: Row[]
}

const count = (c: DeskCount, unit: string) => `${c.n}${c.more ? '+' : ''} ${unit}`

/** What reaches each desk's 待办问题. */
const QUEUE_WHO: Record<DeskKind, string> = {
  gridWorker: '您负责网格的居民上报的问题',
  committee: '网格员上报到社区的问题',
  street: '社区上报到街道的问题',
  district: '街道上报到区综治中心的问题',
  city: '各区上报到市综治中心的问题',
}

/** What each desk's 问题总览 covers. */
const AREA_HINTS: Record<Exclude<DeskKind, 'gridWorker'>, string> = {
  committee: '各网格的全部问题：按状态、类别、网格统计，督办逾期',
  street: '辖区各社区的全部问题：按状态、类别、网格统计，督办逾期',
  district: '全区各街道的全部问题：按状态、类别、街道统计，督办逾期',
  city: '全市各区的全部问题：按状态、类别、区统计，督办逾期',
}

function queueRow(kind: DeskKind, q: ReportFigures['queue'] | undefined, loading: boolean): Row {
  const who = QUEUE_WHO[kind]
  const row: Row = { label: '待办问题', hint: `${who}，按期限排列`, url: ROUTES.reportQueue, testid: 'desk-report-queue' }
  if (q) {
    row.hint = q.total === 0 ? `没有待办的问题（${who}）` : `${who}：${q.total} 件${q.overdue ? `，其中 ${q.overdue} 件已逾期` : ''}`
    row.figure = q.total === 0 ? null : { text: q.overdue ? `${q.overdue} 件逾期` : `${q.total} 件`, tone: q.overdue ? 'red' : 'amber' }
  } else if (loading) row.hint = '正在统计…'
  return row
}

/** 走访: the follow-ups due (独居老人, 困难家庭, 重点关注 past their frequency) as the 待办 beside the reports. */
function visitRows(desk: ReturnType<typeof useDesk>, kind: 'gridWorker' | 'committee'): Row[] {
  const due = desk.visits.data
  const figure: Pick<Row, 'hint' | 'figure'> =
    due === null
      ? { hint: desk.visits.status === 'loading' ? '正在统计…' : '到期的重点关注户和本期还没走访的住户' }
      : due === 0
        ? { hint: '没有到期的重点关注户', figure: null }
        : { hint: `${due} 户重点关注户到期未探访`, figure: { text: `${due} 户到期`, tone: 'red' } }
  const work: Row = { label: '入户走访', ...figure, url: VISIT_ROUTES.work, testid: 'desk-visits' }
  const log: Row = { label: '记录走访', hint: '走访发现的问题可直接转为随手拍', url: VISIT_ROUTES.log, testid: 'desk-visit-log' }
  if (kind === 'gridWorker') return [work, log]
  return [{ label: '走访覆盖', hint: '各网格、网格员本期走访情况；设置走访周期', url: VISIT_ROUTES.coverage, testid: 'desk-visit-coverage', figure: figure.figure }, work]
}

/** 预警: the warnings of the grid worker's grids or the committee's community; the committee also sets the rules. */
function warningRows(kind: 'gridWorker' | 'committee'): Row[] {
  const list: Row = { label: '预警', hint: '报事异常升高、反复反映、纠纷反复、巡逻隐患集中；会商研判后关闭', url: WARNING_ROUTES.list, testid: 'desk-warnings' }
  if (kind === 'gridWorker') return [list]
  return [list, { label: '预警规则', hint: '显著性水平、基线周数、最少件数等，在安全范围内调整', url: WARNING_ROUTES.rules, testid: 'desk-warning-rules' }]
}

function groupsOf(desk: ReturnType<typeof useDesk>): Group[] {
  const kind = desk.kind
  if (!kind) return []
  const q = desk.reports.data?.queue
  const problems: Group = {
    title: '问题',
    testid: 'desk-problems',
    rows: [queueRow(kind, q, desk.reports.status === 'loading')],
  }
  problems.rows.push({ label: '一张图', hint: '地图上看各网格的未办结、超期报事和今日巡逻', url: OVERVIEW_MAP_ROUTES.map, testid: 'desk-overview-map' })
  if (kind === 'gridWorker') {
    return [
      problems,
      { title: '走访', testid: 'desk-visit-group', rows: visitRows(desk, 'gridWorker') },
      { title: '预警', testid: 'desk-warning-group', rows: warningRows('gridWorker') },
      { title: '动员', testid: 'desk-callouts', rows: [{ label: '社区动员', hint: '各次动员的报名、报到人数和未回复的人', url: CALLOUT_ROUTES.list, testid: 'desk-callout-list' }] },
      {
        title: '住户',
        testid: 'desk-residents',
        rows: [{ label: '本网格住户', hint: '负责网格的住户名单和联系电话', url: ROUTES.households, testid: 'desk-households' }],
      },
    ]
  }
  // 总览 first: the figures the committee and the tiers run on
  problems.rows.unshift({ label: '总览', hint: '本月的问题趋势、办理时效、满意度、群众参与和各片区对比', url: OVERVIEW_ROUTES.index, testid: 'desk-overview' })
  problems.rows.push({
    label: '问题总览',
    hint: AREA_HINTS[kind],
    url: ROUTES.reportArea,
    testid: 'desk-report-area',
  })
  problems.rows.push({ label: '操作日志', hint: '谁在什么时候做了什么：工作人员的操作、导出和敏感档案的查阅', url: AUDIT_ROUTES.log, testid: 'desk-audit' })
  // street, district, city: they follow the communities' notices and publish none
  if (isTier(kind)) {
    problems.rows.push({ label: '职能部门', hint: '设立部门、添加人员，查看交办办理情况', url: ROUTES.departments, testid: 'desk-departments' })
    const notices: Group = {
      title: '通知',
      testid: 'desk-notices',
      rows: [{ label: '辖区通知', hint: '在首页查看各社区的通知和阅读情况', url: ROUTES.home, testid: 'desk-notice-list' }],
    }
    // the street signs off the 高 稳评 of its communities' major motions
    if (kind !== 'street') return [problems, notices]
    const reviews: Group = {
      title: '议事',
      testid: 'desk-risk-group',
      rows: [{ label: '稳评审核', hint: '各社区重大事项的高风险稳评，同意后才能表决', url: MOTION_ROUTES.riskReviews, testid: 'desk-risk-reviews' }],
    }
    return [problems, notices, reviews]
  }
  problems.rows.push({ label: '办结时限设置', hint: '各类问题的办结工作日', url: ROUTES.reportDeadlines, testid: 'desk-report-deadlines' })

  const c = desk.committee.data
  const loading = desk.committee.status === 'loading'
  const pending = (d: DeskCount | undefined, what: string): Pick<Row, 'hint' | 'figure'> =>
    d ? { hint: d.n ? `${count(d, '份')}${what}待审核` : `没有待审核的${what}`, figure: d.n ? { text: `${count(d, '份')}待审核`, tone: 'amber' } : null } : { hint: loading ? '正在统计…' : `${what}的审核` }
  const m = c?.motions
  const openMotions = m ? m.voting + m.consultation + m.draft : 0
  return [
    problems,
    {
      title: '通知',
      testid: 'desk-notices',
      rows: [
        { label: '发布通知', hint: '通知、政策宣传、防范提示、活动', url: ROUTES.noticePublish, testid: 'desk-notice-publish' },
        { label: '已发的通知', hint: '在首页查看，点开一条看阅读和确认人数', url: ROUTES.home, testid: 'desk-notice-list' },
      ],
    },
    {
      title: '议事',
      testid: 'desk-motions',
      rows: [
        {
          label: '进行中的议题',
          hint: m ? (openMotions ? `表决中 ${m.voting} 个 · 征求意见 ${m.consultation} 个 · 草稿 ${m.draft} 个` : '没有进行中的议题') : loading ? '正在统计…' : '表决中、征求意见和草稿',
          figure: m && openMotions ? { text: `${openMotions}${m.more ? '+' : ''} 个`, tone: 'blue' } : null,
          url: MOTION_ROUTES.tab,
          testid: 'desk-motion-list',
        },
        { label: '起草议题', hint: '村规民约/居民公约或公共事务，征求意见后表决', url: MOTION_ROUTES.draft, testid: 'desk-motion-draft' },
        { label: '现行村规民约', hint: '已通过的版本；登记报乡镇备案', url: MOTION_ROUTES.rules, testid: 'desk-rules' },
      ],
    },
    {
      title: '巡逻',
      testid: 'desk-patrols',
      rows: [
        {
          label: '巡逻班次',
          hint: c ? (c.shifts.n ? `还没结束的班次 ${count(c.shifts, '个')}，看报名和到岗` : '最近没有安排巡逻') : loading ? '正在统计…' : '看报名和到岗',
          figure: c && c.shifts.n ? { text: count(c.shifts, '个'), tone: 'blue' } : null,
          url: ROUTES.patrol,
          testid: 'desk-shift-list',
        },
        { label: '安排巡逻', hint: '区域、时间、名额，可每周重复', url: ROUTES.shiftSchedule, testid: 'desk-shift-schedule' },
      ],
    },
    { title: '走访', testid: 'desk-visit-group', rows: visitRows(desk, 'committee') },
    { title: '预警', testid: 'desk-warning-group', rows: warningRows('committee') },
    {
      title: '动员',
      testid: 'desk-callouts',
      rows: [
        { label: '发起动员', hint: '防汛值守、扫雪除冰、集中筛查：通知志愿者和居民', url: CALLOUT_ROUTES.issue, testid: 'desk-callout-issue' },
        { label: '社区动员', hint: '各次动员的报名、报到人数和未回复的人', url: CALLOUT_ROUTES.list, testid: 'desk-callout-list' },
      ],
    },
    {
      title: '住户',
      testid: 'desk-residents',
      rows: [
        { label: '住户认证审核', ...pending(c?.residents, '住户认证'), url: ROUTES.applications, testid: 'desk-applications' },
        { label: '志愿者审核', ...pending(c?.volunteers, '志愿者申请'), url: ROUTES.volunteers, testid: 'desk-volunteers' },
        { label: '住户名单', hint: '按网格查看；登记没有智能手机的住户', url: ROUTES.households, testid: 'desk-households' },
        { label: '花名册导入', hint: '粘贴或选择 CSV 表格，导入全社区住户', url: ROUTES.roster, testid: 'desk-roster' },
        { label: '人员与网格员', hint: '查找人员，分配负责网格', url: ROUTES.members, testid: 'desk-members' },
        { label: '网格服务电话', hint: '居民问办理进度时拨打的电话', url: ROUTES.grids, testid: 'desk-grids' },
      ],
    },
    {
      title: '积分',
      testid: 'desk-points',
      rows: [{ label: '积分管理', hint: '积分规则、积分超市上架、待发放的兑换', url: POINTS_ROUTES.manage, testid: 'desk-points-manage' }],
    },
  ]
}

export const DESK_TITLES: Record<DeskKind, string> = {
  committee: '社区工作',
  street: '街道工作',
  district: '区综治中心工作',
  city: '市综治中心工作',
  gridWorker: '网格工作',
}

/**
 * The work desk of the committee (社区工作), the street (街道工作), a 区/市综治中心 and a grid worker (网格工作),
 * grouped by the work — 问题, 通知, 议事, 巡逻, 住户 — each link with the figure of what it opens.
 */
export function WorkDesk({ me, desk }: { me: Me; desk: ReturnType<typeof useDesk> }) {
  const groups = groupsOf(desk)
  if (!desk.kind) return null
  const failed = desk.reports.status === 'error' || desk.committee.status === 'error' || desk.visits.status === 'error'
  return (
    <View className='workspace__desk' data-testid={`desk-${desk.kind}`}>
      <Text className='workspace__desk-title' data-testid='desk-title'>
        {DESK_TITLES[desk.kind]}
      </Text>
      {desk.kind === 'gridWorker' ? (
        <Text className='workspace__intro' data-testid='desk-grids'>
          您负责：{me.grids.length ? me.grids.map((g) => g.name).join('、') : '尚未分配网格，请联系社区'}
        </Text>
      ) : null}
      {failed ? (
        <View className='gz-banner gz-banner--error workspace__banner' data-testid='desk-error'>
          <Text>待办数量没有统计出来，下面的入口照常能用。</Text>
          <ActionButton kind='plain' testid='desk-retry' onClick={() => void desk.reload()}>
            重试
          </ActionButton>
        </View>
      ) : null}
      <DeskMeetingTasks userId={me.id} />
      {groups.map((g) => (
        <Card key={g.testid} title={g.title} testid={g.testid}>
          {g.rows.map((r) => (
            <LinkRow
              key={r.testid}
              label={r.label}
              hint={r.hint}
              extra={
                r.figure ? (
                  <Tag tone={r.figure.tone} testid={`${r.testid}-figure`}>
                    {r.figure.text}
                  </Tag>
                ) : null
              }
              testid={r.testid}
              onClick={() => openPage(r.url)}
            />
          ))}
        </Card>
      ))}
    </View>
  )
}
