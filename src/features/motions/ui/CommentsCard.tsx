import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { Tag } from '@/components/Tag'
import { fromNow } from '@/components/time'
import type { MotionCommentView, MotionView } from '@/domain/motions'
import type { ApiError } from '@/services/apiError'
import { articleLabel, consultationOpen, type MotionViewer } from '../format'
import type { Done } from '../useMotion'

interface CommentsCardProps {
  motion: MotionView
  viewer: MotionViewer
  busy: 'comment' | 'reply' | null
  commentError: ApiError | null
  replyError: ApiError | null
  onComment: (articleIndex: number | null, text: string) => Promise<Done<MotionCommentView>>
  onReply: (commentId: string, text: string) => Promise<Done<MotionCommentView>>
}

/** 征求意见: the comments (on the whole or one article) with the committee's replies, and the form to add one. */
/** Why there is no form, for the person viewing (null: the form is there, or the committee replies below). */
function noFormHint(motion: MotionView, viewer: MotionViewer): string | null {
  if (motion.status !== 'consultation' || motion.can.comment || motion.can.reply) return null
  if (!consultationOpen(motion)) return '意见征集已截止，不再接收新意见。'
  if (viewer === 'unverified') return '认证为本社区住户后可以提意见。'
  if (viewer === 'staff') return '居民在这里提意见，社区/村委会逐条回复。'
  return null
}

export function CommentsCard({ motion, viewer, busy, commentError, replyError, onComment, onReply }: CommentsCardProps) {
  const comments = motion.comments
  if (!motion.can.comment && comments.length === 0 && motion.status !== 'consultation') return null
  const hint = noFormHint(motion, viewer)
  return (
    <Card title={`居民意见（${comments.length} 条）`} testid='comments-card'>
      {motion.can.comment ? <CommentForm motion={motion} busy={busy === 'comment'} error={commentError} onComment={onComment} /> : null}
      {hint ? (
        <Text className='motion-detail__hint' data-testid='comment-closed'>
          {hint}
        </Text>
      ) : null}
      {comments.length === 0 ? <Text className='gz-muted'>还没有人提意见</Text> : null}
      <View data-testid='comment-list'>
        {comments.map((c) => (
          <CommentItem key={c.id} comment={c} canReply={motion.can.reply} busy={busy === 'reply'} error={replyError} onReply={onReply} />
        ))}
      </View>
    </Card>
  )
}

function CommentForm({ motion, busy, error, onComment }: { motion: MotionView; busy: boolean; error: ApiError | null; onComment: CommentsCardProps['onComment'] }) {
  const [target, setTarget] = useState('all')
  const [text, setText] = useState('')
  const [sent, setSent] = useState(false)
  const targets = [{ value: 'all', label: '整体' }, ...motion.articles.map((_, i) => ({ value: String(i), label: articleLabel(i) }))]
  const send = async () => {
    const done = await onComment(target === 'all' ? null : Number(target), text)
    if (done.ok) {
      setText('')
      setSent(true)
    }
  }
  return (
    <View className='motion-detail__form' data-testid='comment-form'>
      <Text className='motion-detail__label'>对哪一条提意见</Text>
      <ChoiceChips options={targets} value={target} onChange={setTarget} testidPrefix='comment-target' />
      <Textarea
        className='gz-textarea'
        value={text}
        maxlength={600}
        placeholder='写下您的意见或建议（最多 500 字）'
        onInput={(e) => {
          setText(e.detail.value)
          setSent(false)
        }}
        data-testid='comment-text'
      />
      {error ? (
        <Text className='motion-detail__error' data-testid='comment-error'>
          {error.message}
        </Text>
      ) : null}
      {sent ? (
        <Text className='motion-detail__ok' data-testid='comment-sent'>
          ✓ 意见已提交，社区会回复
        </Text>
      ) : null}
      <ActionButton kind='primary' block testid='comment-submit' loading={busy} loadingText='正在提交…' onClick={() => void send()}>
        提交意见
      </ActionButton>
    </View>
  )
}

function CommentItem({ comment: c, canReply, busy, error, onReply }: { comment: MotionCommentView; canReply: boolean; busy: boolean; error: ApiError | null; onReply: CommentsCardProps['onReply'] }) {
  const [open, setOpen] = useState(false)
  const [text, setText] = useState('')
  const send = async () => {
    const done = await onReply(c.id, text)
    if (done.ok) {
      setOpen(false)
      setText('')
    }
  }
  return (
    <View className='motion-detail__comment' data-testid='comment-item'>
      <View className='motion-detail__comment-head'>
        <Tag tone={c.articleIndex === null ? 'grey' : 'purple'}>{c.articleIndex === null ? '整体意见' : `针对${articleLabel(c.articleIndex)}`}</Tag>
        <Text className='gz-muted'>
          {c.authorName}
          {c.mine ? '（我）' : ''} · {fromNow(c.createdAt)}
        </Text>
      </View>
      <Text className='motion-detail__text'>{c.text}</Text>
      {c.reply ? (
        <View className='motion-detail__reply' data-testid='comment-reply'>
          <Text className='motion-detail__reply-by'>社区回复（{c.reply.byName}）：</Text>
          <Text>{c.reply.text}</Text>
        </View>
      ) : null}
      {canReply && !open ? (
        <ActionButton kind='plain' testid='reply-start' onClick={() => setOpen(true)}>
          {c.reply ? '修改回复' : '回复'}
        </ActionButton>
      ) : null}
      {open ? (
        <View className='motion-detail__form'>
          <Textarea className='gz-textarea' value={text} maxlength={600} placeholder='回复这位居民' onInput={(e) => setText(e.detail.value)} data-testid='reply-text' />
          {error ? (
            <Text className='motion-detail__error' data-testid='reply-error'>
              {error.message}
            </Text>
          ) : null}
          <View className='motion-detail__row'>
            <ActionButton kind='secondary' testid='reply-cancel' onClick={() => setOpen(false)}>
              取消
            </ActionButton>
            <ActionButton kind='primary' testid='reply-submit' loading={busy} loadingText='正在回复…' onClick={() => void send()}>
              发送回复
            </ActionButton>
          </View>
        </View>
      ) : null}
    </View>
  )
}
