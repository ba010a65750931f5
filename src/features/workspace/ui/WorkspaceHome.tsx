import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { ROUTES } from '@/services/routes'
import { MOTION_ROUTES } from '../../motions/routes'
import { usePendingCounts, workspaceAccess } from '../useWorkspace'
import './Workspace.scss'

function countText(c: { count: number; more: boolean }): string {
  return c.more ? `${c.count} 份以上待审核` : c.count > 0 ? `${c.count} 份待审核` : '没有待审核的'
}

/** 住户管理 home: what waits for the committee, and the way to each job. */
export function WorkspaceHome({ me, go }: { me: Me; go: (url: string) => void }) {
  const access = workspaceAccess(me)
  const counts = usePendingCounts(access === 'committee')

  if (access === 'gridWorker') {
    return (
      <View className='gz-page workspace'>
        <Card title='网格工作'>
          <Text className='workspace__text' data-testid='ws-grids'>
            您负责：{me.grids.length ? me.grids.map((g) => g.name).join('、') : '尚未分配网格'}
          </Text>
          <LinkRow label='本网格住户' hint='住户名单和联系电话' testid='ws-link-households' onClick={() => go(ROUTES.households)} />
        </Card>
        <Card title='随手拍问题'>
          <LinkRow label='待办问题' hint='负责网格的问题，按期限排列' testid='ws-link-report-queue' onClick={() => go(ROUTES.reportQueue)} />
        </Card>
      </View>
    )
  }

  const badge = (c: { count: number; more: boolean } | undefined, testid: string) => {
    if (counts.status === 'loading') return <Text className='gz-muted'>正在统计…</Text>
    if (!c) return null
    return (
      <Tag tone={c.count > 0 ? 'amber' : 'green'} testid={testid}>
        {countText(c)}
      </Tag>
    )
  }

  return (
    <View className='gz-page workspace' data-testid='workspace-home'>
      <Text className='workspace__intro'>{me.communityName ?? '本社区'}的住户和人员工作</Text>
      {counts.status === 'error' ? (
        <View className='gz-banner gz-banner--error workspace__banner' data-testid='ws-counts-error'>
          <Text>待审核数量没有统计出来：{counts.error?.message}</Text>
          <ActionButton kind='plain' testid='ws-counts-retry' onClick={() => void counts.reload()}>
            重试
          </ActionButton>
        </View>
      ) : null}
      <Card title='待审核'>
        <LinkRow
          label='住户认证审核'
          hint='和花名册不一致的认证申请'
          extra={badge(counts.data?.residents, 'ws-pending-residents')}
          testid='ws-link-applications'
          onClick={() => go(ROUTES.applications)}
        />
        <LinkRow
          label='志愿者审核'
          hint='认证住户的志愿者申请'
          extra={badge(counts.data?.volunteers, 'ws-pending-volunteers')}
          testid='ws-link-volunteers'
          onClick={() => go(ROUTES.volunteers)}
        />
      </Card>
      <Card title='随手拍问题'>
        <LinkRow label='待办问题' hint='上报到社区、待社区办理的问题' testid='ws-link-report-queue' onClick={() => go(ROUTES.reportQueue)} />
        <LinkRow label='问题总览' hint='按状态、类别、网格统计；督办逾期问题' testid='ws-link-report-area' onClick={() => go(ROUTES.reportArea)} />
        <LinkRow label='办结时限设置' hint='各类问题的办结工作日' testid='ws-link-report-deadlines' onClick={() => go(ROUTES.reportDeadlines)} />
      </Card>
      <Card title='议事表决'>
        <LinkRow label='起草议题' hint='村规民约/居民公约或公共事务，征求意见后表决' testid='ws-link-motion-draft' onClick={() => go(MOTION_ROUTES.draft)} />
        <LinkRow label='现行村规民约' hint='已通过的版本；登记报乡镇备案' testid='ws-link-rules' onClick={() => go(MOTION_ROUTES.rules)} />
      </Card>
      <Card title='住户与人员'>
        <LinkRow label='花名册导入' hint='粘贴或选择 CSV 表格，导入全社区住户' testid='ws-link-roster' onClick={() => go(ROUTES.roster)} />
        <LinkRow label='住户名单' hint='按网格查看；登记没有智能手机的住户' testid='ws-link-households' onClick={() => go(ROUTES.households)} />
        <LinkRow label='人员与网格员' hint='查找人员，分配负责网格' testid='ws-link-members' onClick={() => go(ROUTES.members)} />
      </Card>
    </View>
  )
}
