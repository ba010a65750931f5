import { useMemo } from 'react'
import { Text, View } from '@tarojs/components'
import { AREA_KIND_LABELS, type Overview } from '@/domain/overview'
import { REPORT_CATEGORY_LABELS } from '@/domain/reports'
import { chinaClock } from '@/domain/shared/chinaTime'
import { Card } from '@/components/Card'
import { categoryChart, onTimeChart, participationChart, satisfactionChart } from '../charts'
import { average, hoursLine, pct, rateText } from '../format'
import { OverviewChart } from './charts/OverviewChart'
import type { ListLinks } from '../listLinks'
import { FigureList, Sub } from './FigureList'
import { HoursBins } from './HoursBins'
import { TrendSplit } from './TrendSplit'

export type { ListLinks }

const unitOf = (o: Overview) => AREA_KIND_LABELS[o.subAreaKind]

export function TrendsCard({ o, links }: { o: Overview; links?: ListLinks }) {
  const t = o.trends
  const total = t.byBucket.reduce((n, b) => n + b.n, 0)
  const categories = useMemo(() => categoryChart(o), [o])
  return (
    <Card title='趋势' testid='overview-trends'>
      <Text className='overview__lead' data-testid='overview-trends-total'>{`本期共收到问题 ${total} 件`}</Text>
      <Sub>{`按${o.bucket === 'day' ? '日' : o.bucket === 'week' ? '周' : '月'}`}</Sub>
      <TrendSplit o={o} links={links} />
      <Sub>按类别</Sub>
      {t.byCategory.length === 0 ? <Text className='overview__muted'>本期没有问题</Text> : null}
      <OverviewChart spec={categories} testid='overview-chart-category' />
      <FigureList
        testid='overview-trends-category'
        figures={t.byCategory.map((c) => ({ key: c.category, label: REPORT_CATEGORY_LABELS[c.category], value: `${c.n} 件`, onOpen: links && (() => links.category(c.category)) }))}
      />
      <Sub>{`按${unitOf(o)}`}</Sub>
      <FigureList
        testid='overview-trends-area'
        figures={t.bySubArea.map((u) => ({ key: u.id, label: u.name, value: `${u.n} 件`, onOpen: links?.grid && (() => links.grid?.(u.id)) }))}
      />
      <Sub>矛盾纠纷</Sub>
      <FigureList
        testid='overview-disputes'
        figures={[
          { key: 'total', label: '本期新发', value: `${t.disputes.total} 件`, onOpen: links && (() => links.category('dispute')) },
          { key: 'local', label: '就地化解（网格、社区）', value: `${t.disputes.settledLocally} 件` },
          { key: 'escalated', label: '上报到街道及以上', value: `${t.disputes.escalated} 件` },
          { key: 'open', label: '正在调处', value: `${t.disputes.open} 件` },
        ]}
      />
      <FigureList testid='overview-warnings' figures={[{ key: 'raised', label: '本期预警', value: `${t.warnings} 条` }]} />
    </Card>
  )
}

export function SpeedCard({ o, links }: { o: Overview; links?: ListLinks }) {
  const s = o.speed
  const onTime = useMemo(() => onTimeChart(o), [o])
  return (
    <Card title='办理时效' testid='overview-speed'>
      <FigureList
        testid='overview-speed-all'
        figures={[
          { key: 'accept', label: '受理用时', value: hoursLine(s.accept) },
          { key: 'resolve', label: '办结用时', value: hoursLine(s.resolve) },
          { key: 'acceptOnTime', label: '按时受理', value: rateText(s.acceptOnTime) },
          { key: 'resolveOnTime', label: '按时办结', value: rateText(s.resolveOnTime) },
          { key: 'overdue', label: '现在超期', value: `${s.overdueNow} 件`, onOpen: links && s.overdueNow > 0 ? () => links.overdue() : undefined },
        ]}
      />
      <Text className='overview__muted'>时限按工作日计算，已扣除法定节假日；用时从居民上报时算起。</Text>
      <HoursBins o={o} />
      <Sub>按类别（办结用时中位 · 按时办结）</Sub>
      <OverviewChart spec={onTime} testid='overview-chart-ontime' />
      <FigureList
        testid='overview-speed-category'
        figures={s.byCategory.map((c) => ({ key: c.category, label: REPORT_CATEGORY_LABELS[c.category], value: `${hoursLine(c.resolve)} · ${rateText(c.resolveOnTime)}` }))}
      />
      <Sub>{`按${unitOf(o)}（受理 · 办结）`}</Sub>
      <FigureList
        testid='overview-speed-area'
        figures={s.bySubArea.map((u) => ({ key: u.id, label: u.name, value: `受理${hoursLine(u.accept)}；办结${hoursLine(u.resolve)}；按时办结 ${rateText(u.resolveOnTime)}` }))}
      />
      {s.departments.length > 0 ? <Sub>职能部门（本期交办）</Sub> : null}
      <FigureList
        testid='overview-speed-department'
        figures={s.departments.map((d) => ({
          key: d.departmentId,
          label: d.name,
          value: `交办 ${d.dispatched} 件，办结 ${d.resolved} 件，退回 ${d.returned} 件，按时办结 ${rateText(d.onTime)}，超期未办 ${d.overdue} 件`,
        }))}
      />
    </Card>
  )
}

export function SatisfactionCard({ o }: { o: Overview }) {
  const s = o.satisfaction
  const good = useMemo(() => satisfactionChart(o), [o])
  const line = (r: { rated: number; goodShare: number | null; average: number | null }) => (r.rated === 0 ? '暂无评价' : `评价 ${r.rated} 次，满意 ${pct(r.goodShare)}，平均 ${average(r.average)}`)
  return (
    <Card title='群众满意度' testid='overview-satisfaction'>
      <FigureList
        testid='overview-satisfaction-all'
        figures={[
          { key: 'rated', label: '本期评价', value: `${s.rated} 次` },
          { key: 'good', label: '满意（4–5 星）', value: s.rated ? `${pct(s.goodShare)}（${s.good}/${s.rated}）` : '—' },
          { key: 'average', label: '平均评分', value: average(s.average) },
          { key: 'reopen', label: '重新打开', value: rateText(s.reopen) },
        ]}
      />
      <Sub>{`按${unitOf(o)}`}</Sub>
      <OverviewChart spec={good} testid='overview-chart-satisfaction' />
      <FigureList testid='overview-satisfaction-area' figures={s.bySubArea.map((u) => ({ key: u.id, label: u.name, value: line(u) }))} />
      <Sub>按经办人</Sub>
      {s.byHandler.length === 0 ? <Text className='overview__muted'>本期没有经办人收到评价</Text> : null}
      <FigureList testid='overview-satisfaction-handler' figures={s.byHandler.map((h) => ({ key: h.handlerId, label: h.handlerName, value: line(h) }))} />
      <Sub>最新评价留言</Sub>
      {s.comments.length === 0 ? <Text className='overview__muted'>本期没有评价留言</Text> : null}
      <View data-testid='overview-comments'>
        {s.comments.map((c) => (
          <View key={c.reportId} className='overview-comment' data-testid={`overview-comment-${c.reportId}`}>
            <Text className='overview-comment__head'>{`${c.score} 星 · ${REPORT_CATEGORY_LABELS[c.category]} · ${c.subAreaName} · ${chinaClock(c.at)}`}</Text>
            <Text className='overview-comment__text'>{c.comment}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}

export function ParticipationCard({ o }: { o: Overview }) {
  const p = o.participation
  const rates = useMemo(() => participationChart(o), [o])
  return (
    <Card title='群众参与' testid='overview-participation'>
      <OverviewChart spec={rates} testid='overview-chart-participation' />
      <FigureList
        testid='overview-participation-list'
        figures={[
          { key: 'notices', label: '发布通知', value: `${p.notices} 条` },
          { key: 'read', label: '通知阅读率', value: rateText(p.read) },
          { key: 'confirmed', label: `重要通知确认率（${p.importantNotices} 条）`, value: rateText(p.confirmed) },
          { key: 'motions', label: '结束表决的议题', value: `${p.motions} 个` },
          { key: 'turnout', label: '表决参与率', value: rateText(p.turnout) },
          { key: 'shifts', label: '巡逻班次', value: `${p.shifts} 个` },
          { key: 'attendance', label: '巡逻到岗率', value: rateText(p.attendance) },
          { key: 'hours', label: '巡逻时长', value: `${p.patrolHours} 小时` },
          { key: 'volunteers', label: '志愿者', value: `${p.volunteers} 人` },
          { key: 'households', label: '已认证住户（占花名册）', value: rateText(p.households) },
        ]}
      />
    </Card>
  )
}
