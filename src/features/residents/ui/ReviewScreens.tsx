import { useState, type ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { ApplicationStatus, ResidentApplicationView } from '@/domain/residents'
import type { VolunteerApplicationView } from '@/domain/volunteers'
import { ActionButton } from '@/components/ActionButton'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PagedList } from '@/components/PagedList'
import { Tag, type TagTone } from '@/components/Tag'
import { fromNow } from '@/components/time'
import { STATUS_TONES, relationText, roomText } from '../format'
import { useReviewList, type ReviewKind } from '../useReviewList'
import { RejectDialog } from './RejectDialog'
import '../../../components/workspace.scss'
import './ReviewScreens.scss'

const FILTERS: Record<ReviewKind, { value: ApplicationStatus; label: string }[]> = {
  resident: [
    { value: 'pending', label: '待审核' },
    { value: 'verified', label: '已认证' },
    { value: 'rejected', label: '未通过' },
  ],
  volunteer: [
    { value: 'pending', label: '待审核' },
    { value: 'verified', label: '已通过' },
    { value: 'rejected', label: '未通过' },
  ],
}

function statusWord(kind: ReviewKind, s: ApplicationStatus): string {
  return FILTERS[kind].find((f) => f.value === s)?.label ?? s
}

/** Whether the application matches the roster, in words. */
export function rosterMatch(
  a: Pick<ResidentApplicationView, 'matchesRoster' | 'householdId' | 'relation'>,
): { text: string; tone: TagTone } {
  if (a.matchesRoster) return { text: '与花名册一致', tone: 'green' }
  if (!a.householdId) return { text: '花名册中无此户', tone: 'red' }
  // a family member or tenant is not on the roster by name: the room is, which is what can be checked
  if (a.relation !== 'head') return { text: '花名册中有此户，请核实家庭成员', tone: 'amber' }
  return { text: '花名册中户主不同', tone: 'amber' }
}

interface ReviewProps<T> {
  kind: ReviewKind
  prefix: string
  renderBody: (item: T) => ReactNode
  nameOf: (item: T) => string
  emptyPending: string
}

function ReviewScreen<T extends { id: string; status: ApplicationStatus; reason: string | null; createdAt: string }>({
  kind,
  prefix,
  renderBody,
  nameOf,
  emptyPending,
}: ReviewProps<T>) {
  const [status, setStatus] = useState<ApplicationStatus>('pending')
  const { list, review, busyId, notice, clearNotice } = useReviewList<T>(kind, status)
  const [rejecting, setRejecting] = useState<T | null>(null)
  const [approvingId, setApprovingId] = useState<string | null>(null)

  const approve = async (item: T) => {
    setApprovingId(item.id)
    await review(item.id, true, undefined, nameOf(item))
    setApprovingId(null)
  }

  const confirmReject = async (reason: string): Promise<string | null> => {
    if (!rejecting) return null
    const outcome = await review(rejecting.id, false, reason, nameOf(rejecting))
    // done, or no longer pending (CONFLICT: the page says why and the list was reloaded): close
    if (outcome.ok || outcome.conflict) {
      setRejecting(null)
      return null
    }
    // busy with another review: nothing was sent, stay as is
    if (!outcome.message) return null
    // a missing reason, the network, the server: the dialog stays open with the typed reason and says why
    clearNotice()
    return outcome.invalid ? outcome.message : `没有提交成功：${outcome.message}`
  }

  return (
    <View className='gz-page workspace review'>
      <ChoiceChips<ApplicationStatus>
        options={FILTERS[kind]}
        value={status}
        onChange={setStatus}
        testidPrefix={`${prefix}-filter`}
      />
      {notice ? (
        <View className={`gz-banner gz-banner--${notice.tone === 'ok' ? 'ok' : 'error'}`} data-testid='review-notice'>
          <Text>{notice.text}</Text>
        </View>
      ) : null}
      <PagedList
        list={list}
        refreshError='footer'
        emptyText={status === 'pending' ? emptyPending : `没有${statusWord(kind, status)}的申请`}
        emptyHint={status === 'pending' ? '居民提交的申请会显示在这里，处理后移到“' + FILTERS[kind][1].label + '”或“未通过”。' : undefined}
        emptyAction={
          <ActionButton kind='secondary' loading={list.refreshing} loadingText='正在刷新…' testid='review-refresh' onClick={() => void list.refresh()}>
            刷新
          </ActionButton>
        }
      >
        <View className='workspace__list' data-testid={`${prefix}-list`}>
          {list.items.map((item) => (
            <View key={item.id} className='workspace__item' data-testid={`${prefix}-card`} data-id={item.id}>
              <View className='workspace__item-head'>
                <Text className='workspace__item-title'>{nameOf(item)}</Text>
                <Tag tone={STATUS_TONES[item.status]} testid={`${prefix}-status`}>
                  {statusWord(kind, item.status)}
                </Tag>
              </View>
              {renderBody(item)}
              <Text className='gz-muted'>提交于 {fromNow(item.createdAt)}</Text>
              {item.status === 'rejected' && item.reason ? (
                <Text className='workspace__reason-text'>不通过的理由：{item.reason}</Text>
              ) : null}
              {item.status === 'pending' ? (
                <View className='gz-actions'>
                  <ActionButton
                    kind='danger'
                    disabled={busyId !== null}
                    testid={`${prefix}-reject`}
                    onClick={() => setRejecting(item)}
                  >
                    不通过
                  </ActionButton>
                  <ActionButton
                    kind='primary'
                    loading={approvingId === item.id}
                    loadingText='正在提交…'
                    disabled={busyId !== null && approvingId !== item.id}
                    testid={`${prefix}-approve`}
                    onClick={() => void approve(item)}
                  >
                    通过
                  </ActionButton>
                </View>
              ) : null}
            </View>
          ))}
        </View>
      </PagedList>
      <RejectDialog
        name={rejecting ? nameOf(rejecting) : null}
        busy={rejecting !== null && busyId === rejecting.id}
        onConfirm={confirmReject}
        onCancel={() => setRejecting(null)}
      />
    </View>
  )
}

/** 认证审核: residents' applications with the roster match, 通过 / 不通过 with a reason. */
export function ApplicationsScreen() {
  return (
    <ReviewScreen<ResidentApplicationView>
      kind='resident'
      prefix='application'
      nameOf={(a) => a.name}
      emptyPending='没有待审核的认证申请'
      renderBody={(a) => {
        const match = rosterMatch(a)
        return (
          <View className='workspace__facts'>
            <Text className='workspace__line'>
              {a.gridName} {roomText(a.building, a.unit, a.room)}
            </Text>
            <Text className='workspace__line'>与户主关系：{relationText(a.relation)}</Text>
            <View>
              <Tag tone={match.tone} testid='application-match'>
                {match.text}
              </Tag>
            </View>
          </View>
        )
      }}
    />
  )
}

/** 志愿者审核: verified residents' volunteer applications. */
export function VolunteersScreen() {
  return (
    <ReviewScreen<VolunteerApplicationView>
      kind='volunteer'
      prefix='volunteer'
      nameOf={(a) => a.name}
      emptyPending='没有待审核的志愿者申请'
      renderBody={(a) => (
        <View className='workspace__facts'>
          <Text className='workspace__line'>
            {a.gridName ?? '未分配网格'} · 电话 {a.phone ?? '未填写'}
          </Text>
          <Text className='workspace__line'>特长：{a.skills || '未填写'}</Text>
          <Text className='workspace__line'>可服务时间：{a.availability || '未填写'}</Text>
        </View>
      )}
    />
  )
}
