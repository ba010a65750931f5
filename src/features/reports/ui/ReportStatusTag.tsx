import { Tag } from '@/components/Tag'
import type { ReportCategory, ReportStatus } from '@/domain/reports'
import { CATEGORY_TONES, STATUS_TONES, categoryLabel, statusTagText } from '../format'

/** 待受理 / 处理中 / 已办结 ... always in words, the colour only helps. */
export function ReportStatusTag({ status, stars = null }: { status: ReportStatus; stars?: number | null }) {
  return (
    <Tag tone={STATUS_TONES[status] ?? 'grey'} testid='report-status'>
      {statusTagText({ status, stars })}
    </Tag>
  )
}

export function ReportCategoryTag({ category }: { category: ReportCategory }) {
  return (
    <Tag tone={CATEGORY_TONES[category] ?? 'grey'} testid='report-category'>
      {categoryLabel(category)}
    </Tag>
  )
}
