import { TextArea } from '@nutui/nutui-react-taro'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_REPORT_PHOTOS,
  REPORT_CATEGORIES,
  REPORT_CATEGORY_HINTS,
  REPORT_CATEGORY_LABELS,
  type ReportCategory,
  type ReportVisibility,
} from '@/domain/reports'
import { PhotoPicker } from '@/features/media'
import type { ReportErrors, ReportFormValues as Form } from '../../reportForm'
import { LocationField } from './LocationField'
import type { SetField } from './types'

const CATEGORY_CHOICES = REPORT_CATEGORIES.map((c) => ({ value: c, label: REPORT_CATEGORY_LABELS[c] }))
const VISIBILITY_CHOICES = [
  { value: 'public', label: '公开' },
  { value: 'private', label: '仅工作人员可见' },
] as const

interface FieldsProps {
  form: Form
  errors: ReportErrors
  visibility: ReportVisibility
  setField: SetField
  setPhotos: (photos: Form['photos']) => void
  withLocation?: boolean
}

/** The form's cards: category, description and photos, location (new reports only), who sees it. */
export function Fields({ form, errors, visibility, setField, setPhotos, withLocation = false }: FieldsProps) {
  const length = [...form.description].length
  return (
    <>
      <Card>
        <FormField label='问题类别' name='category' required error={errors.category} hint={form.category ? REPORT_CATEGORY_HINTS[form.category] : undefined}>
          <ChoiceChips<ReportCategory> options={CATEGORY_CHOICES} value={form.category} onChange={(v) => setField('category', v)} testidPrefix='category' />
        </FormField>
      </Card>
      <Card>
        <FormField
          label='发生了什么'
          name='description'
          required
          error={errors.description}
          hint={`至少 ${DESCRIPTION_MIN} 个字，已写 ${length}/${DESCRIPTION_MAX} 字`}
        >
          <TextArea
            className='report-form__textarea'
            value={form.description}
            maxLength={DESCRIPTION_MAX}
            rows={6}
            placeholder='例如：3 号楼东侧路灯坏了一个星期，晚上很黑'
            onChange={(v) => setField('description', v)}
            data-testid='input-description'
          />
        </FormField>
        <FormField label='照片' name='photos' error={errors.photos} hint={`最多 ${MAX_REPORT_PHOTOS} 张，选好就开始上传`}>
          <PhotoPicker value={form.photos} onChange={setPhotos} />
        </FormField>
      </Card>
      {withLocation ? (
        <Card>
          <LocationField form={form} error={errors.location} setField={setField} />
        </Card>
      ) : null}
      <Card>
        <FormField
          label='公开范围'
          name='visibility'
          hint={
            form.category === 'dispute'
              ? '矛盾纠纷涉及个人隐私，默认仅工作人员可见'
              : '公开：本社区居民能看到问题和照片，遇到同样问题可以点“我也遇到”'
          }
        >
          <ChoiceChips<ReportVisibility> options={VISIBILITY_CHOICES} value={visibility} onChange={(v) => setField('visibility', v)} testidPrefix='visibility' />
        </FormField>
        <ToggleRow label='匿名' hint='其他居民看不到您的名字，工作人员可以看到' checked={form.anonymous} onChange={(v) => setField('anonymous', v)} testid='toggle-anonymous' />
      </Card>
    </>
  )
}
