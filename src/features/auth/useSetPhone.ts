import { useCallback, useState } from 'react'
import type { Me } from '@/domain/auth'
import { phoneSchema, type SetPhoneInput } from '@/domain/residents'
import { callApi } from '@/services/api'
import { updateMe } from '@/services/session'
import { useSubmit } from '../common/useSubmit'

/** 手机号: typed (checked with the server's phoneSchema) or from WeChat's phone-number button (a one-time code). */
export function useSetPhone(onSaved: (me: Me) => void) {
  const [fieldError, setFieldError] = useState<string | null>(null)
  const { submit, submitting, error, clearError } = useSubmit<SetPhoneInput, Me>((input, requestId) =>
    callApi('me.setPhone', input, { requestId }),
  )

  const done = useCallback(
    (me: Me) => {
      updateMe(me)
      onSaved(me)
    },
    [onSaved],
  )

  const saveTyped = useCallback(
    async (typed: string) => {
      const parsed = phoneSchema.safeParse(typed)
      if (!parsed.success) {
        setFieldError(parsed.error.issues[0]?.message ?? '请填写 11 位手机号')
        return false
      }
      setFieldError(null)
      const sent = await submit({ phone: parsed.data })
      if (sent.ok) done(sent.data)
      return sent.ok
    },
    [submit, done],
  )

  const saveFromWechat = useCallback(
    async (phoneCode: string) => {
      setFieldError(null)
      const sent = await submit({ phoneCode })
      if (sent.ok) done(sent.data)
      return sent.ok
    },
    [submit, done],
  )

  const reset = useCallback(() => {
    setFieldError(null)
    clearError()
  }, [clearError])

  return { saveTyped, saveFromWechat, submitting, fieldError, error, reset }
}
