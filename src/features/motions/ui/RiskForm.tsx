import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { RISK_CATEGORIES, RISK_CATEGORY_LABELS, RISK_LEVELS, RISK_LEVEL_LABELS, type MotionView, type RiskCategory, type RiskLevel } from '@/domain/motions'
import { useRiskAssessment } from '../useRiskAssessment'
import './Risk.scss'

const CATEGORY_CHOICES = RISK_CATEGORIES.map((value) => ({ value, label: RISK_CATEGORY_LABELS[value] }))
const LEVEL_CHOICES = RISK_LEVELS.map((value) => ({ value, label: RISK_LEVEL_LABELS[value] }))
const MAX_RISKS = 20

/** 填写稳评 (committee): the risks by category, the consultation done, the level and the mitigation. */
export function RiskForm({ id, onFiled }: { id: string; onFiled: (m: MotionView) => void }) {
  const r = useRiskAssessment(id)
  if (r.motion.status === 'loading') return <DetailSkeleton testid='risk-form' />
  if (r.motion.status === 'error' || !r.motion.data) {
    return <LoadFailed testid='risk-form' error={r.motion.error} notFound='这个议题不存在，或您没有权限查看。' onRetry={() => void r.motion.reload()} />
  }
  const m = r.motion.data
  const { form, setForm, errors } = r
  const setRisk = (i: number, patch: Partial<{ category: RiskCategory; description: string }>) =>
    setForm((f) => ({ ...f, risks: f.risks.map((x, j) => (j === i ? { ...x, ...patch } : x)) }))
  const toggleComment = (cid: string) =>
    setForm((f) => ({ ...f, commentIds: f.commentIds.includes(cid) ? f.commentIds.filter((x) => x !== cid) : [...f.commentIds, cid] }))
  const save = async () => {
    const filed = await r.submit()
    if (filed) onFiled(filed)
  }
  return (
    <View className='gz-page risk-form' data-testid='risk-form'>
      <Card>
        <Text className='risk-form__title'>{m.title}</Text>
        <Text className='gz-muted'>
          重大事项表决前须评估可能引发的矛盾和风险。低、中风险提交后即可开始表决；高风险须经街道审核同意。居民能看到评估等级，评估内容只有社区和上级看到。
        </Text>
      </Card>

      <Card title='发现的风险'>
        <FormField label='逐条写明风险' name='risks' hint='按合法性、合理性、可行性、可控性、安全性分类；没发现风险的可留空' error={errors.risks}>
          {form.risks.map((risk, i) => (
            <View key={i} className='risk-form__risk' data-testid='risk-row'>
              <ChoiceChips<RiskCategory> options={CATEGORY_CHOICES} value={risk.category} onChange={(v) => setRisk(i, { category: v })} testidPrefix={`risk-category-${i}`} />
              <Textarea className='gz-textarea' value={risk.description} maxlength={500} placeholder='例如：低层住户认为分摊比例不公平' onInput={(e) => setRisk(i, { description: e.detail.value })} data-testid={`risk-description-${i}`} />
              {form.risks.length > 1 ? (
                <ActionButton kind='secondary' testid={`risk-remove-${i}`} onClick={() => setForm((f) => ({ ...f, risks: f.risks.filter((_, j) => j !== i) }))}>
                  删除这条
                </ActionButton>
              ) : null}
            </View>
          ))}
          {form.risks.length < MAX_RISKS ? (
            <ActionButton kind='secondary' block testid='risk-add' onClick={() => setForm((f) => ({ ...f, risks: [...f.risks, { category: 'reasonableness', description: '' }] }))}>
              添加一条风险
            </ActionButton>
          ) : null}
        </FormField>
      </Card>

      <Card title='征求意见情况'>
        <FormField label='做了哪些征求意见' name='consultation' required hint='如居民代表会议、入户走访、联席会议的次数和人数' error={errors.consultation}>
          <Textarea className='gz-textarea' value={form.summary} maxlength={1000} placeholder='例如：召开楼栋会两次，入户征求意见 24 户' onInput={(e) => setForm((f) => ({ ...f, summary: e.detail.value }))} data-testid='risk-summary' />
        </FormField>
        {m.comments.length > 0 ? (
          <View className='risk-form__comments'>
            <Text className='gz-field__hint'>参考了哪些居民意见（点选）</Text>
            {m.comments.map((c) => {
              const on = form.commentIds.includes(c.id)
              return (
                <View key={c.id} className={`risk-form__comment${on ? ' risk-form__comment--on' : ''}`} role='checkbox' aria-checked={on ? 'true' : 'false'} onClick={() => toggleComment(c.id)} data-testid='risk-comment'>
                  <Text>{on ? '✓ ' : ''}{c.authorName}：{c.text}</Text>
                </View>
              )
            })}
          </View>
        ) : null}
      </Card>

      <Card title='评估结论'>
        <FormField label='风险等级' name='level' required error={errors.level}>
          <ChoiceChips<RiskLevel> options={LEVEL_CHOICES} value={form.level ?? ''} onChange={(v) => setForm((f) => ({ ...f, level: v }))} testidPrefix='risk-level' />
        </FormField>
        <FormField label='化解措施' name='mitigation' required error={errors.mitigation}>
          <Textarea className='gz-textarea' value={form.mitigation} maxlength={1000} placeholder='针对每条风险怎么做、谁负责' onInput={(e) => setForm((f) => ({ ...f, mitigation: e.detail.value }))} data-testid='risk-mitigation' />
        </FormField>
      </Card>

      <View className='risk-form__submit'>
        {r.submitError ? (
          <View className='gz-banner gz-banner--error' data-testid='risk-submit-error'>
            <Text>没有提交成功：{r.submitError.message}</Text>
          </View>
        ) : null}
        <ActionButton kind='primary' size='large' block loading={r.submitting} loadingText='正在提交…' testid='risk-submit' onClick={() => void save()}>
          {m.risk.full ? '提交新的评估' : '提交稳评'}
        </ActionButton>
      </View>
    </View>
  )
}
