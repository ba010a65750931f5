import { RULES_CHOICE_LABELS, RULES_CHOICES, type Choice, type MotionView } from '@/domain/motions'

/** The choices of a motion as chips: 赞成/反对/弃权 for rules, the options (by index) for a matter. */
export function choicesOf(m: Pick<MotionView, 'kind' | 'options'>): { value: string; label: string }[] {
  if (m.kind === 'rules') return RULES_CHOICES.map((c) => ({ value: c, label: RULES_CHOICE_LABELS[c] }))
  return (m.options ?? []).map((label, i) => ({ value: String(i), label }))
}

export function choiceOf(m: Pick<MotionView, 'kind'>, value: string): Choice {
  return m.kind === 'rules' ? (value as Choice) : Number(value)
}

export function choiceLabel(m: Pick<MotionView, 'kind' | 'options'>, c: Choice | string): string {
  const key = String(c)
  return choicesOf(m).find((x) => x.value === key)?.label ?? key
}
