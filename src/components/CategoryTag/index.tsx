import { NOTICE_CATEGORY_LABELS, type NoticeCategory } from '@/domain/notices'
import { Tag, type TagTone } from '../Tag'

const TONES: Record<NoticeCategory, TagTone> = {
  notice: 'blue',
  policy: 'purple',
  safety: 'red',
  event: 'green',
}

/** 通知 / 政策宣传 / 防范提示 / 活动, each with its colour and always its word. */
export function CategoryTag({ category }: { category: NoticeCategory }) {
  return (
    <Tag tone={TONES[category] ?? 'grey'} testid='category-tag'>
      {NOTICE_CATEGORY_LABELS[category] ?? '通知'}
    </Tag>
  )
}
