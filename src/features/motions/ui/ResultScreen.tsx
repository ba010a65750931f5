import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { BarChart, type BarRow } from '@/components/BarChart'
import { Card } from '@/components/Card'
import { formatDateTime } from '@/components/time'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import type { MotionResultView, MotionView } from '@/domain/motions'
import { countBallots, RECEIPT_HINT, useMotionResult } from '../useMotionResult'
import { choiceLabel, choicesOf } from './choices'
import { Figure, QuorumLines } from './ResultFigures'
import './Result.scss'

const PAGE = 20
const TONES: Record<string, BarRow['tone']> = { yes: 'green', no: 'red', abstain: 'grey' }

/** 表决结果 (closed only): the figures, a chart, the legal basis, the ballot list that adds up, and 核对我的回执. */
export function ResultScreen({ id }: { id: string }) {
  const r = useMotionResult(id)
  if (r.status === 'loading') return <DetailSkeleton testid='result' lines={2} />
  if (r.status === 'error' || !r.data) {
    if (r.error?.code !== 'CONFLICT') {
      return <LoadFailed testid='result' error={r.error} notFound='这个议题不存在，或您没有权限查看。' onRetry={() => void r.reload()} />
    }
    return (
      <View className='gz-page'>
        <View className='gz-banner gz-banner--info' data-testid='result-error'>
          <Text>表决还没有结束。结束后公布各选项的票数和全部选票。</Text>
        </View>
      </View>
    )
  }
  const { motion: m, result } = r.data
  const rows: BarRow[] = choicesOf(m).map((c) => ({
    key: c.value,
    label: c.label,
    value: result.tally[c.value] ?? 0,
    tone: m.kind === 'rules' ? TONES[c.value] : result.winner === Number(c.value) ? 'green' : 'blue',
    note: m.kind === 'matter' && result.winner === Number(c.value) ? '（过半数）' : undefined,
  }))
  const unit = m.eligibility === 'households' ? '户' : '人'
  const base = m.eligibility === 'households' ? result.base.households : result.base.adults

  return (
    <View className='gz-page motion-result' data-testid='result-screen'>
      <Card>
        <Text className='motion-result__title'>{m.title}</Text>
        <Text className='gz-muted'>{formatDateTime(m.closedAt ?? m.voteUntil)} 表决结束</Text>
        <Text className={`motion-result__verdict motion-result__verdict--${result.passed ? 'yes' : 'no'}`} data-testid='result-verdict'>
          {result.passed ? '✓ 通过' : '✗ 未通过'}
        </Text>
        <Text className='motion-result__why' data-testid='result-why'>
          {result.passed
            ? m.kind === 'matter' && result.winner !== null
              ? `「${m.options?.[result.winner] ?? ''}」获得过半数票`
              : '参与人数达到法定要求，赞成票超过半数'
            : !result.quorumMet
              ? '参与人数没有达到法定要求，表决无效'
              : m.kind === 'rules'
                ? '赞成票没有超过投票总数的一半'
                : '没有一个选项获得过半数票'}
        </Text>
      </Card>

      <Card title='参与情况' testid='result-figures'>
        <View className='motion-result__figures'>
          <Figure label={`应参加（${unit}）`} value={base} testid='figure-base' />
          <Figure label='实投（票）' value={result.cast.total} testid='figure-total' />
          <Figure label='线上' value={result.cast.online} testid='figure-online' />
          <Figure label='线下' value={result.cast.offline} testid='figure-offline' />
        </View>
        <QuorumLines motion={m} result={result} />
      </Card>

      <Card title='各选项票数' testid='result-chart-card'>
        <BarChart rows={rows} total={result.cast.total} testid='result-chart' />
        <Text className='gz-muted'>百分比按实投 {result.cast.total} 票计算{m.kind === 'rules' ? '，弃权票计入总数' : ''}。</Text>
      </Card>

      <VerifyCard motion={m} verify={r.verify} onCheck={(s) => void r.check(s)} />
      <BallotList motion={m} result={result} />
    </View>
  )
}

function VerifyCard({ motion, verify, onCheck }: { motion: MotionView; verify: ReturnType<typeof useMotionResult>['verify']; onCheck: (s: string) => void }) {
  const [text, setText] = useState('')
  return (
    <Card title={motion.me.eligible ? '核对我的回执' : '核对回执'} testid='verify-card'>
      <Text className='motion-result__hint'>
        {motion.me.eligible ? '输入投票时得到的回执码，看您的一票是否已按您的选择计入。' : '输入居民投票时得到的回执码，看这一票是否已按所选计入（可以帮居民核对）。'}
      </Text>
      <Input className='gz-input motion-result__input' value={text} maxlength={24} placeholder='例如 ABCD-EFGH-JKMN-PQRS' onInput={(e) => setText(e.detail.value)} data-testid='verify-input' />
      <ActionButton kind='primary' block testid='verify-submit' loading={verify.state === 'checking'} loadingText='正在核对…' onClick={() => onCheck(text)}>
        核对
      </ActionButton>
      {verify.state === 'counted' ? (
        <Text className='motion-result__verify motion-result__verify--ok' data-testid='verify-outcome'>
          ✓ 已计入{verify.choice !== null ? `：${choiceLabel(motion, verify.choice)}` : ''}
        </Text>
      ) : null}
      {verify.state === 'notFound' ? (
        <Text className='motion-result__verify motion-result__verify--no' data-testid='verify-outcome'>
          ✗ 未找到这张回执。请检查是否输入正确；仍然不对，请联系社区。
        </Text>
      ) : null}
      {verify.state === 'error' ? (
        <Text className='motion-result__verify motion-result__verify--no' data-testid='verify-error'>
          {verify.message}
        </Text>
      ) : null}
      <Text className='gz-muted'>{RECEIPT_HINT}；大小写、短横线都可以不管。</Text>
    </Card>
  )
}

function BallotList({ motion, result }: { motion: MotionView; result: MotionResultView }) {
  const [shown, setShown] = useState(0)
  const [tech, setTech] = useState(false)
  const counts = countBallots(result.ballots)
  const choices = choicesOf(motion)
  const matches = result.ballots.length === result.cast.total && choices.every((c) => (counts[c.value] ?? 0) === (result.tally[c.value] ?? 0))
  const visible = result.ballots.slice(0, shown)
  return (
    <Card title={`全部选票（${result.ballots.length} 张）`} testid='ballot-card'>
      <Text className='motion-result__hint' data-testid='ballot-hint'>
        每张选票只列一串由回执码算出的编号和所投的选择，没有姓名，从编号也推不出回执码。谁都可以自己数一遍，看名单合计和票数是否一样：
      </Text>
      <Text className={`motion-result__sum motion-result__sum--${matches ? 'ok' : 'bad'}`} data-testid='ballot-sum'>
        名单合计：{choices.map((c) => `${c.label} ${counts[c.value] ?? 0}`).join('，')}，共 {result.ballots.length} 张
        {matches ? ' —— 与计票结果一致 ✓' : ' —— 与计票结果不一致，请联系社区'}
      </Text>
      {visible.length ? (
        <View className='motion-result__ballots' data-testid='ballot-list'>
          {visible.map((b, i) => (
            <View key={b.receiptHash} className='motion-result__ballot' data-testid='ballot-row'>
              <Text className='motion-result__ballot-no'>{i + 1}</Text>
              <Text className='motion-result__hash'>{b.receiptHash.slice(0, 16)}…</Text>
              <Text className='motion-result__ballot-choice'>{choiceLabel(motion, b.choice)}</Text>
            </View>
          ))}
        </View>
      ) : null}
      {shown < result.ballots.length ? (
        <ActionButton kind='secondary' block testid='ballot-more' onClick={() => setShown((n) => n + PAGE)}>
          {shown === 0 ? '展开选票名单' : `再显示 ${Math.min(PAGE, result.ballots.length - shown)} 张`}
        </ActionButton>
      ) : shown > 0 ? (
        <ActionButton kind='plain' block testid='ballot-collapse' onClick={() => setShown(0)}>
          收起名单
        </ActionButton>
      ) : null}
      <View className='motion-result__tech'>
        <View className='motion-result__tech-toggle' role='button' aria-expanded={tech ? 'true' : 'false'} data-testid='ballot-tech-toggle' onClick={() => setTech((t) => !t)}>
          <Text>{tech ? '收起技术说明 ▴' : '技术说明 ▾'}</Text>
        </View>
        {tech ? (
          <Text className='motion-result__tech-text' data-testid='ballot-tech'>
            编号是回执码（大写，带短横线，如 ABCD-EFGH-JKMN-PQRS）按 UTF-8 编码后的 SHA-256 摘要，十六进制小写，列表显示前 16 位，按摘要排序。核对回执时，服务器算出所输入回执码的摘要，在这张名单里查找。数据库里“谁投了票”和“投了什么”分开存放，只共用议题编号，没有任何一张表能把人和选择对上。
          </Text>
        ) : null}
      </View>
    </Card>
  )
}
