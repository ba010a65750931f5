import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { formatDateTime } from '@/components/time'
import type { MotionStatus, MotionView } from '@/domain/motions'
import type { ApiError } from '@/services/api-error'
import { voterUnit } from '../format'
import type { Done } from '../useMotion'

/** The committee's step for each phase: the button, and what happens when it is taken (said before it is). */
export function advanceStep(m: MotionView): { button: string; title: string; what: string[]; confirm: string } | null {
  const steps: Record<MotionStatus, ReturnType<typeof advanceStep>> = {
    draft: {
      button: '发布征求意见',
      title: '发布征求意见？',
      what: [
        '本社区居民都能看到这个议题，并可以对整体或某一条提意见；系统会发消息通知他们。',
        '征求意见期间还可以修改条文，居民能看到每次改了什么。',
        `到 ${formatDateTime(m.voteFrom)} 自动开始表决（也可以提前手动开始）。`,
      ],
      confirm: '确定发布',
    },
    consultation: {
      button: '开始表决',
      title: '现在开始表决？',
      what: [
        '意见征集结束，条文不能再修改。',
        `投票资格按现在的花名册固定（当前应到 ${m.turnout.eligible} ${voterUnit(m)}），居民可以在线投票，您也可以录入线下表决。`,
        `到 ${formatDateTime(m.voteUntil)} 自动结束（也可以提前手动结束）。`,
      ],
      confirm: '确定开始表决',
    },
    voting: {
      button: '结束表决',
      title: '现在结束表决？',
      what: [
        `原定 ${formatDateTime(m.voteUntil)} 截止；结束后任何人都不能再投票，也不能撤销。`,
        `目前已投 ${m.turnout.cast}/${m.turnout.eligible} ${voterUnit(m)}。系统会立即计票并公布结果：是否达到法定人数、是否通过。`,
      ],
      confirm: '确定结束并计票',
    },
    closed: null,
  }
  return steps[m.status]
}

interface CommitteePanelProps {
  motion: MotionView
  busy: boolean
  error: ApiError | null
  onAdvance: () => Promise<Done<void>>
  onEdit: () => void
  onOffline: () => void
}

/** 议题管理 (committee): the next phase (with its confirmation), 修改, 录入线下表决. */
export function CommitteePanel({ motion, busy, error, onAdvance, onEdit, onOffline }: CommitteePanelProps) {
  const [confirming, setConfirming] = useState(false)
  // the motion moved on (read again after a refused step): the open dialog was for the old phase
  useEffect(() => setConfirming(false), [motion.status])
  const step = motion.can.advance ? advanceStep(motion) : null
  if (!step && !motion.can.revise && !motion.can.recordOffline) return null
  const go = async () => {
    const done = await onAdvance()
    if (done.ok) setConfirming(false)
  }
  return (
    <Card title='议题管理（社区/村委会）' testid='committee-panel'>
      <View className='motion-detail__actions'>
        {motion.can.recordOffline ? (
          <ActionButton kind='secondary' block testid='motion-offline' onClick={onOffline}>
            录入线下表决
          </ActionButton>
        ) : null}
        {motion.can.revise ? (
          <ActionButton kind='secondary' block testid='motion-edit' onClick={onEdit}>
            修改议题
          </ActionButton>
        ) : null}
        {step ? (
          <ActionButton kind={motion.status === 'voting' ? 'danger' : 'primary'} block testid='motion-advance' onClick={() => setConfirming(true)}>
            {step.button}
          </ActionButton>
        ) : null}
      </View>
      {error && !confirming ? (
        <Text className='motion-detail__error' data-testid='advance-error'>
          {error.message}
        </Text>
      ) : null}
      {step ? (
        <Dialog
          visible={confirming}
          title={step.title}
          content={
            <View className='motion-detail__dialog' data-testid='advance-dialog'>
              {step.what.map((line) => (
                <Text key={line}>· {line}</Text>
              ))}
              {error ? (
                <Text className='motion-detail__error' data-testid='advance-dialog-error'>
                  {error.message}
                </Text>
              ) : null}
            </View>
          }
          footer={
            <View className='motion-detail__row'>
              <ActionButton kind='secondary' testid='advance-cancel' onClick={() => setConfirming(false)}>
                取消
              </ActionButton>
              <ActionButton kind={motion.status === 'voting' ? 'destructive' : 'primary'} testid='advance-confirm' loading={busy} loadingText='正在处理…' onClick={() => void go()}>
                {step.confirm}
              </ActionButton>
            </View>
          }
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Card>
  )
}
