import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { StatBar } from '@/components/StatBar'
import { Tag } from '@/components/Tag'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { ELIGIBILITY_LABELS, MOTION_KIND_LABELS, MOTION_STATUS_LABELS, type MotionView } from '@/domain/motions'
import { useSession } from '@/features/auth'
import { articleLabel, motionViewer, myStatus, phaseTime, STATUS_TONES, voterUnit, type MotionViewer } from '../format'
import { useMotion } from '../useMotion'
import { CastCard } from './CastCard'
import { CommentsCard } from './CommentsCard'
import { CommitteePanel } from './CommitteePanel'
import { ReceiptCard } from './ReceiptCard'
import { RiskCard } from './RiskCard'
import { RevisionCard } from './RevisionCard'
import './MotionDetail.scss'

interface MotionDetailProps {
  id: string
  onEdit: (id: string) => void
  onAssess: (id: string) => void
  onOffline: (id: string) => void
  onResult: (id: string) => void
}

/** One motion: its phase and time, the text with every revision's changes, comments, the ballot, the committee's steps. */
export function MotionDetail({ id, onEdit, onAssess, onOffline, onResult }: MotionDetailProps) {
  const motion = useMotion(id)
  const viewer = motionViewer(useSession()?.user)
  if (motion.status === 'loading') return <DetailSkeleton testid='motion' />
  if (motion.status === 'error' || !motion.data) {
    return <LoadFailed testid='motion' error={motion.error} notFound='这个议题不存在，或您没有权限查看。' onRetry={() => void motion.reload()} />
  }
  const m = motion.data
  const busy = motion.busy
  return (
    <View className='gz-page motion-detail' data-testid='motion-detail'>
      <Header motion={m} viewer={viewer} receiptBelow={!!motion.receipt} />
      {m.status === 'closed' ? <Outcome motion={m} onResult={() => onResult(m.id)} /> : null}
      <CommitteePanel
        motion={m}
        busy={busy === 'advance'}
        error={motion.errorFor('advance')}
        onAdvance={motion.advance}
        onAsk={() => void motion.reload({ silent: true })}
        onEdit={() => onEdit(m.id)}
        onOffline={() => onOffline(m.id)}
      />
      <RiskCard motion={m} busy={busy === 'signOff'} error={motion.errorFor('signOff')} onAssess={() => onAssess(m.id)} onSignOff={motion.signOffRisk} />
      <MotionText motion={m} />
      {/* read, then vote: the ballot (and the receipt that takes its place) after the text */}
      {motion.receipt ? (
        <ReceiptCard receipt={motion.receipt.code} recovered={motion.receipt.recovered} onDone={motion.dismissReceipt} />
      ) : m.status === 'voting' ? (
        <CastCard motion={m} busy={busy === 'cast'} error={motion.errorFor('cast')} onCast={motion.cast} />
      ) : null}
      {motion.castNote && !motion.receipt ? (
        <View className='gz-banner gz-banner--info' data-testid='cast-note'>
          <Text>{motion.castNote}</Text>
        </View>
      ) : null}
      <RevisionCard revisions={m.revisions} />
      <CommentsCard
        motion={m}
        viewer={viewer}
        busy={busy === 'comment' || busy === 'reply' ? busy : null}
        commentError={motion.errorFor('comment')}
        replyError={motion.errorFor('reply')}
        onComment={motion.comment}
        onReply={motion.reply}
      />
    </View>
  )
}

function Header({ motion: m, viewer, receiptBelow }: { motion: MotionView; viewer: MotionViewer; receiptBelow: boolean }) {
  const mine = myStatus(m, viewer)
  const revised = m.revisions.length - 1
  return (
    <Card>
      <View className='motion-detail__tags'>
        <Tag tone={STATUS_TONES[m.status]} testid='detail-status'>
          {MOTION_STATUS_LABELS[m.status]}
        </Tag>
        <Tag tone='grey'>{MOTION_KIND_LABELS[m.kind]}</Tag>
        <Tag tone='grey'>{ELIGIBILITY_LABELS[m.eligibility]}</Tag>
      </View>
      <Text className='motion-detail__title' data-testid='detail-title'>
        {m.title}
      </Text>
      <Text className='motion-detail__time' data-testid='detail-time'>
        {phaseTime(m)}
      </Text>
      {m.status === 'voting' || m.status === 'closed' ? (
        <View className='motion-detail__turnout'>
          <StatBar label='投票率' value={m.turnout.cast} total={m.turnout.eligible} unit={voterUnit(m)} testid='detail-turnout' />
          {m.status === 'voting' ? <Text className='gz-muted'>表决结束前不公布各选项票数，只显示投了多少。</Text> : null}
        </View>
      ) : null}
      <Text className={`motion-detail__mine motion-detail__mine--${mine.tone}`} data-testid='detail-my-status'>
        {mine.text}
      </Text>
      {m.can.cast ? (
        <Text className='motion-detail__hint' data-testid='detail-vote-below'>
          请先读完下面的条文，投票在条文后面。
        </Text>
      ) : receiptBelow ? (
        <Text className='motion-detail__hint' data-testid='detail-receipt-below'>
          您的回执码在下面条文的后面。
        </Text>
      ) : null}
      {revised > 0 && m.status === 'consultation' ? (
        <Text className='motion-detail__notice' data-testid='detail-revised'>
          条文已修改 {revised} 次，改了什么见下方“修改记录”。
        </Text>
      ) : null}
    </Card>
  )
}

function Outcome({ motion: m, onResult }: { motion: MotionView; onResult: () => void }) {
  const r = m.result
  return (
    <Card title='表决结果' testid='detail-outcome'>
      {r ? (
        <Text className={`motion-detail__verdict motion-detail__verdict--${r.passed ? 'yes' : 'no'}`} data-testid='detail-verdict'>
          {r.passed ? '✓ 已通过' : '✗ 未通过'}
          {r.quorumMet ? '' : '（参与人数未达到法定要求）'}
        </Text>
      ) : null}
      <ActionButton kind='primary' block testid='detail-result' onClick={onResult}>
        查看票数、图表和核对回执
      </ActionButton>
    </Card>
  )
}

function MotionText({ motion: m }: { motion: MotionView }) {
  return (
    <Card title={m.kind === 'rules' ? '条文' : '议题内容'} testid='motion-text'>
      {m.preamble ? <Text className='motion-detail__preamble'>{m.preamble}</Text> : null}
      <View className='motion-detail__articles'>
        {m.articles.map((a, i) => (
          <View key={i} className='motion-detail__article' data-testid='motion-article'>
            <Text className='motion-detail__article-no'>{articleLabel(i)}</Text>
            <Text className='motion-detail__text'>{a.text}</Text>
          </View>
        ))}
      </View>
      {m.options ? (
        <View className='motion-detail__options' data-testid='motion-options'>
          <Text className='motion-detail__label'>表决选项（选一项）</Text>
          {m.options.map((o, i) => (
            <Text key={i} className='motion-detail__text'>
              {i + 1}. {o}
            </Text>
          ))}
        </View>
      ) : null}
    </Card>
  )
}
