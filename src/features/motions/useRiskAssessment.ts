import { useEffect, useRef, useState } from 'react'
import type { MotionAssessRiskInput, MotionView } from '@/domain/motions'
import { callApi } from '@/services/api'
import type { ApiError } from '@/services/apiError'
import { detailsToErrors } from '../common/formErrors'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { emitMotionEvent } from './events'
import { RISK_FIELDS, riskFormOf, validateRisk, type RiskErrors, type RiskFormValues } from './riskForm'

/**
 * 填写稳评 (committee): the motion (its comments to link, its last filing to revise) and the form, filed by
 * motion.assessRisk (one requestId per input, so a retry after a lost reply is the same filing).
 */
export function useRiskAssessment(id: string) {
  const motion = useRemote<MotionView>(`motion-risk:${id}`, () => callApi('motion.get', { id }))
  const [form, setForm] = useState<RiskFormValues>(() => riskFormOf(null))
  const [errors, setErrors] = useState<RiskErrors>({})
  const [submitError, setSubmitError] = useState<ApiError | null>(null)
  const loaded = useRef(false)
  useEffect(() => {
    if (motion.data && !loaded.current) {
      loaded.current = true
      setForm(riskFormOf(motion.data))
    }
  }, [motion.data])
  const file = useSubmit<MotionAssessRiskInput, MotionView>((input, requestId) => callApi('motion.assessRisk', input, { requestId }))

  const submit = async (): Promise<MotionView | null> => {
    const { input, errors: found } = validateRisk(id, form)
    setErrors(found)
    if (!input) return null
    setSubmitError(null)
    const sent = await file.submit(input)
    if (!sent.ok) {
      setSubmitError(sent.error)
      if (sent.error?.code === 'INVALID_INPUT') setErrors(detailsToErrors(sent.error.details, RISK_FIELDS))
      return null
    }
    emitMotionEvent({ type: 'changed', motion: sent.data })
    return sent.data
  }

  return { motion, form, setForm, errors, submit, submitting: file.submitting, submitError }
}
