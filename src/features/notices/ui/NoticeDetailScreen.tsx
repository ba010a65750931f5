import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import type { Notice } from '@/domain/notices'
import { NOTICE_STATE_LABELS } from '@/domain/notices'
import { tierOf } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { CategoryTag } from '@/components/CategoryTag'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import { formatDateTime, fromNow } from '@/components/time'
import { ROUTES, withQuery } from '@/services/routes'
import { hasRole, useSession } from '@/features/auth'
import { useNotice } from '../useNotice'
import './NoticeDetailScreen.scss'

export function NoticeDetailScreen({ id }: { id: string | undefined }) {
  const session = useSession()
  const committee = hasRole(session?.user, 'committee')
  // street, district and city staff follow their communities' notices: figures yes, withdrawing no
  const above = tierOf(session?.user.roles ?? []) !== null
  const detail = useNotice(id)
  const { notice } = detail

  return (
    <View className='gz-page notice-detail'>
      <ListState
        status={id ? detail.status : 'error'}
        error={id ? detail.error : { message: '没有找到这条通知' }}
        isEmpty={!notice}
        emptyText='没有找到这条通知'
        onRetry={() => void detail.reload()}
        skeletonRows={2}
      >
        {notice ? (
          <>
            <Article notice={notice} staff={committee || above} above={above} />
            {notice.important ? <ConfirmBox detail={detail} /> : null}
            {committee || above ? <Manage notice={notice} detail={detail} canWithdraw={committee} /> : null}
          </>
        ) : null}
      </ListState>
    </View>
  )
}

/** staff (committee, and above) see its state and scope; those above the community also which community it is from. */
function Article({ notice, staff, above }: { notice: Notice; staff: boolean; above: boolean }) {
  return (
    <View className='notice-detail__article' data-testid='notice-detail'>
      <View className='notice-detail__tags'>
        <CategoryTag category={notice.category} />
        {notice.pinned ? <Tag tone='blue'>置顶</Tag> : null}
        {notice.important ? <Tag tone='red'>重要</Tag> : null}
        {staff ? (
          <Tag tone={notice.state === 'live' ? 'green' : notice.state === 'scheduled' ? 'amber' : 'grey'} testid='notice-state'>
            {NOTICE_STATE_LABELS[notice.state]}
          </Tag>
        ) : null}
      </View>
      <Text className='notice-detail__title' data-testid='notice-detail-title'>
        {notice.title}
      </Text>
      <View className='notice-detail__meta'>
        {above ? <Text data-testid='notice-community'>{notice.communityName}</Text> : null}
        <Text>{notice.authorName}</Text>
        <Text data-testid='notice-time'>
          {notice.state === 'scheduled' ? `定于 ${formatDateTime(notice.publishAt)} 发布` : `发布于 ${fromNow(notice.publishAt)}`}
        </Text>
        {notice.expireAt ? <Text>有效期至 {formatDateTime(notice.expireAt)}</Text> : null}
        {staff ? (
          <Text data-testid='notice-scope'>发布范围：{notice.gridNames ? notice.gridNames.join('、') : '全社区'}</Text>
        ) : null}
      </View>
      <Text className='notice-detail__body' userSelect data-testid='notice-body'>
        {notice.body}
      </Text>
    </View>
  )
}

function ConfirmBox({ detail }: { detail: ReturnType<typeof useNotice> }) {
  const { notice } = detail
  if (!notice) return null
  if (notice.confirmed) {
    return (
      <View className='notice-detail__confirmed' data-testid='confirmed-state'>
        <Text className='notice-detail__confirmed-word'>✓ 已确认知晓</Text>
        {notice.confirmedAt ? <Text>确认时间：{formatDateTime(notice.confirmedAt)}</Text> : null}
      </View>
    )
  }
  if (!notice.canConfirm) return null
  return (
    <View className='notice-detail__confirm' data-testid='confirm-box'>
      <Text className='notice-detail__confirm-note'>这是一条重要通知。读完后请点“已知晓”，让社区知道您已收到。</Text>
      {detail.confirmError ? (
        <View className='gz-banner gz-banner--error' data-testid='confirm-error'>
          <Text>没有提交成功：{detail.confirmError.message}</Text>
        </View>
      ) : null}
      <ActionButton
        kind='primary'
        size='large'
        block
        loading={detail.confirming}
        loadingText='正在提交…'
        testid='confirm-notice'
        onClick={() => void detail.confirm()}
      >
        已知晓
      </ActionButton>
    </View>
  )
}

function Manage({ notice, detail, canWithdraw }: { notice: Notice; detail: ReturnType<typeof useNotice>; canWithdraw: boolean }) {
  const [asking, setAsking] = useState(false)
  const withdrawn = notice.state === 'withdrawn'

  const doWithdraw = async () => {
    setAsking(false)
    const ok = await detail.withdraw()
    if (!ok) return
    void Taro.showToast({ title: '已撤回', icon: 'success' })
    setTimeout(() => {
      // back to the list it came from; opened directly (a shared link), go to 首页
      if (Taro.getCurrentPages().length > 1) void Taro.navigateBack().catch(() => Taro.reLaunch({ url: ROUTES.home }))
      else void Taro.reLaunch({ url: ROUTES.home })
    }, 800)
  }

  return (
    <View className='notice-detail__manage' data-testid='notice-manage'>
      <Text className='notice-detail__manage-title'>{canWithdraw ? '管理这条通知' : '这条通知的情况'}</Text>
      {withdrawn ? (
        <View className='gz-banner gz-banner--info' data-testid='withdrawn-state'>
          <Text>这条通知已撤回，居民不再能看到。</Text>
        </View>
      ) : null}
      {detail.withdrawError ? (
        <View className='gz-banner gz-banner--error' data-testid='withdraw-error'>
          <Text>没有撤回成功：{detail.withdrawError.message}</Text>
        </View>
      ) : null}
      <ActionButton
        kind='secondary'
        block
        testid='view-stats'
        onClick={() => void Taro.navigateTo({ url: withQuery(ROUTES.noticeStats, { id: notice.id, title: notice.title }) })}
      >
        查看统计
      </ActionButton>
      {canWithdraw && !withdrawn ? (
        <ActionButton
          kind='danger'
          block
          loading={detail.withdrawing}
          loadingText='正在撤回…'
          testid='withdraw-notice'
          onClick={() => setAsking(true)}
        >
          撤回
        </ActionButton>
      ) : null}
      <Dialog
        visible={asking}
        title='撤回这条通知？'
        content='撤回后，居民将不再看到这条通知。此操作不能恢复。'
        footer={
          <View className='notice-detail__dialog-actions' data-testid='withdraw-dialog'>
            <ActionButton kind='secondary' testid='withdraw-cancel' onClick={() => setAsking(false)}>
              不撤回
            </ActionButton>
            <ActionButton kind='destructive' testid='withdraw-confirm' onClick={() => void doWithdraw()}>
              确定撤回
            </ActionButton>
          </View>
        }
        onClose={() => setAsking(false)}
      />
    </View>
  )
}
