import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { Tag } from '@/components/Tag'
import { formatDateTime } from '@/components/time'
import type { MotionRevisionView } from '@/domain/motions'
import { diffRevisions, type ArticleChange } from '../articleDiff'
import { articleLabel } from '../format'

/** 修改记录: what each revision changed from the one before (新增/删除/修改 第N条, old and new text). */
export function RevisionCard({ revisions }: { revisions: MotionRevisionView[] }) {
  const count = revisions.length - 1
  const [picked, setPicked] = useState(String(count))
  if (count < 1) return null
  const n = Math.min(Math.max(Number(picked), 1), count)
  const before = revisions[n - 1]!
  const after = revisions[n]!
  const diff = diffRevisions(before, after)
  const options = revisions.slice(1).map((_, i) => ({ value: String(i + 1), label: `第${i + 1}次修改` }))
  return (
    <Card title={`修改记录（共修改 ${count} 次）`} testid='revision-card'>
      {count > 1 ? <ChoiceChips options={options} value={String(n)} onChange={setPicked} testidPrefix='revision' /> : null}
      <Text className='gz-muted' data-testid='revision-meta'>
        第{n}次修改：{after.byName}，{formatDateTime(after.at)}
      </Text>
      <View className='motion-detail__changes' data-testid='revision-changes'>
        {diff.title ? <TextChange label='标题' tag='修改' from={diff.title.old} to={diff.title.new} /> : null}
        {diff.preamble ? <TextChange label='说明' tag='修改' from={diff.preamble.old || '（无）'} to={diff.preamble.new || '（删去）'} /> : null}
        {diff.articles.map((c) => (
          <ArticleChangeRow key={`${c.type}-${c.index}`} change={c} />
        ))}
        {!diff.title && !diff.preamble && diff.articles.length === 0 ? <Text className='gz-muted'>这次只改了时间等设置，条文没有变化</Text> : null}
      </View>
    </Card>
  )
}

function ArticleChangeRow({ change: c }: { change: ArticleChange }) {
  if (c.type === 'added') {
    return (
      <View className='motion-detail__change' data-testid='change-added'>
        <View className='motion-detail__change-head'>
          <Tag tone='green'>新增</Tag>
          <Text className='motion-detail__change-title'>{articleLabel(c.index)}</Text>
        </View>
        <Text className='motion-detail__text'>{c.text}</Text>
      </View>
    )
  }
  if (c.type === 'removed') {
    return (
      <View className='motion-detail__change' data-testid='change-removed'>
        <View className='motion-detail__change-head'>
          <Tag tone='red'>删除</Tag>
          <Text className='motion-detail__change-title'>原{articleLabel(c.index)}</Text>
        </View>
        <Text className='motion-detail__text motion-detail__text--old'>{c.text}</Text>
      </View>
    )
  }
  const moved = c.oldIndex !== c.index ? `（原${articleLabel(c.oldIndex)}）` : ''
  return <TextChange label={`${articleLabel(c.index)}${moved}`} tag='修改' from={c.oldText} to={c.newText} testid='change-changed' />
}

function TextChange({ label, tag, from, to, testid = 'change-text' }: { label: string; tag: string; from: string; to: string; testid?: string }) {
  return (
    <View className='motion-detail__change' data-testid={testid}>
      <View className='motion-detail__change-head'>
        <Tag tone='amber'>{tag}</Tag>
        <Text className='motion-detail__change-title'>{label}</Text>
      </View>
      <Text className='motion-detail__was'>原文：</Text>
      <Text className='motion-detail__text motion-detail__text--old'>{from}</Text>
      <Text className='motion-detail__was'>改为：</Text>
      <Text className='motion-detail__text'>{to}</Text>
    </View>
  )
}
