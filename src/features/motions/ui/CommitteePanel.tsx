import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { formatDateTime } from '@/components/time'
import type { MotionStatus, MotionView } from '@/domain/motions'
import { quorumNeeded } from '@/domain/motions/tally'
import type { ApiError } from '@/services/apiError'
import { timeLeft, voterUnit } from '../format'
import type { Done } from '../useMotion'

/**
 * Closing a vote now, in figures: the turnout against the quorum (src/domain/motions/tally.ts) and what the result
 * will be called. Only the turnout is known before close — never the tally — so a quorum not met says 未通过, and a
 * quorum met says only how the ballots will decide.
 */
export function closingForecast(m: Pick<MotionView, 'eligibility' | 'kind' | 'turnout'>): {
  met: boolean
  short: number
  quorum: string
  verdict: string
} {
  const { eligible, cast } = m.turnout
  const households = m.eligibility === 'households'
  const unit = households ? '户' : '人'
  const need = quorumNeeded(m.eligibility, { adults: eligible, households: eligible })
  const met = eligible > 0 && cast >= need
  const short = Math.max(0, need - cast)
  const rule = households ? `应参加 ${eligible} 户的三分之二` : `超过应参加 ${eligible} 人的一半`
  return {
    met,
    short,
    quorum: `已投 ${cast} ${unit}，法定人数至少 ${need} ${unit}（${rule}），${met ? '已达到' : `还差 ${short} ${unit}`}。`,
    verdict: met
      ? `结束后立即计票：${m.kind === 'rules' ? '赞成票' : '有一个选项的票数'}超过所投票数的一半为“通过”，否则为“未通过”。`
      : '现在结束，不论各选项票数如何，结果将公布为“未通过（参与人数未达到法定要求）”，这次表决不能再继续。',
  }
}

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
      title: closingForecast(m).met ? '现在结束表决？' : '还没达到法定人数',
      what: [`原定 ${formatDateTime(m.voteUntil)} 截止；结束后任何人都不能再投票，也不能撤销。`],
      confirm: closingForecast(m).met ? '确定结束并计票' : '仍要结束',
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
  /** the step's dialog opened: read the motion again, so its figures are current */
  onAsk?: () => void
  onEdit: () => void
  onOffline: () => void
}

/** 议题管理 (committee): the next phase (with its confirmation), 修改, 录入线下表决. */
export function CommitteePanel({ motion, busy, error, onAdvance, onAsk, onEdit, onOffline }: CommitteePanelProps) {
  // 'ask': the step and what it does; 'again': closing a vote short of the quorum, said once more
  const [opened, setOpened] = useState<{ stage: 'ask' | 'again'; from: MotionStatus } | null>(null)
  // a dialog belongs to the phase it was opened in: once the motion moved on (read again after a refused step),
  // it is closed in that same render
  const stage = opened && opened.from === motion.status ? opened.stage : null
  const setStage = (s: 'ask' | 'again' | null) => setOpened(s ? { stage: s, from: motion.status } : null)
  const confirming = stage !== null
  // a major motion held by its 稳评 does not offer 开始表决: the 稳评 card says what holds it
  const held = motion.status === 'consultation' && !!motion.risk.block
  const step = motion.can.advance && !held ? advanceStep(motion) : null
  if (!step && !motion.can.revise && !motion.can.recordOffline) return null
  const closing = motion.status === 'voting' ? closingForecast(motion) : null
  const go = async () => {
    if (stage === 'ask' && closing && !closing.met) {
      setStage('again')
      return
    }
    const done = await onAdvance()
    if (done.ok) setStage(null)
  }
  const ask = () => {
    setStage('ask')
    onAsk?.()
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
          <ActionButton kind={motion.status === 'voting' ? 'danger' : 'primary'} block testid='motion-advance' onClick={ask}>
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
          visible={stage === 'ask'}
          title={step.title}
          content={
            <View className='motion-detail__dialog' data-testid='advance-dialog'>
              {closing ? null : step.what.map((line) => <Text key={line}>· {line}</Text>)}
              {closing ? (
                <>
                  <Text className={`motion-detail__quorum motion-detail__quorum--${closing.met ? 'ok' : 'short'}`} data-testid='advance-quorum'>
                    {closing.met ? '✓ ' : '✗ '}
                    {closing.quorum}
                  </Text>
                  <Text className={closing.met ? '' : 'motion-detail__warn'} data-testid='advance-verdict'>
                    {closing.verdict}
                  </Text>
                  {step.what.map((line) => (
                    <Text key={line}>· {line}</Text>
                  ))}
                  {closing.met ? null : <Text>· 离原定截止还有 {timeLeft(motion.voteUntil)}，可以等到截止，或先提醒居民来投票。</Text>}
                </>
              ) : null}
              {error ? (
                <Text className='motion-detail__error' data-testid='advance-dialog-error'>
                  {error.message}
                </Text>
              ) : null}
            </View>
          }
          footer={
            <View className='motion-detail__row'>
              <ActionButton kind='secondary' testid='advance-cancel' onClick={() => setStage(null)}>
                取消
              </ActionButton>
              <ActionButton kind={motion.status === 'voting' ? 'destructive' : 'primary'} testid='advance-confirm' loading={busy} loadingText='正在处理…' onClick={() => void go()}>
                {step.confirm}
              </ActionButton>
            </View>
          }
          onClose={() => setStage(null)}
        />
      ) : null}
      {closing && !closing.met ? (
        <Dialog
          visible={stage === 'again'}
          title='再确认一次'
          content={
            <View className='motion-detail__dialog' data-testid='advance-again'>
              <Text>
                法定人数还差 {closing.short} {voterUnit(motion)}。现在结束，这次表决的结果就是“未通过”，不能撤销；要再表决，只能重新发起议题。
              </Text>
              {error ? (
                <Text className='motion-detail__error' data-testid='advance-dialog-error'>
                  {error.message}
                </Text>
              ) : null}
            </View>
          }
          footer={
            <View className='motion-detail__row'>
              <ActionButton kind='secondary' testid='advance-again-cancel' onClick={() => setStage(null)}>
                不结束了
              </ActionButton>
              <ActionButton kind='destructive' testid='advance-again-confirm' loading={busy} loadingText='正在处理…' onClick={() => void go()}>
                确定结束，结果未通过
              </ActionButton>
            </View>
          }
          onClose={() => setStage(null)}
        />
      ) : null}
    </Card>
  )
}
