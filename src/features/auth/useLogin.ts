import { useCallback, useRef, useState } from 'react'
import type { Role } from '@/domain/shared/roles'
import { toApiError } from '@/services/apiError'
import { devLogin, goOnAfterLogin, wxLogin } from './login'

export type LoginChoice = Role | 'wechat'

/** Login page state: which choice is in flight and the last error, in Chinese. */
export function useLogin() {
  const [pending, setPending] = useState<LoginChoice | null>(null)
  const [error, setError] = useState<string | null>(null)
  // a ref, not state: two taps in the same frame must still be one login
  const inFlight = useRef(false)

  const login = useCallback(
    async (choice: LoginChoice) => {
      if (inFlight.current) return
      inFlight.current = true
      setPending(choice)
      setError(null)
      try {
        goOnAfterLogin(choice === 'wechat' ? await wxLogin() : await devLogin(choice))
      } catch (e) {
        setError(toApiError(e).message)
      } finally {
        inFlight.current = false
        setPending(null)
      }
    },
    [],
  )

  return { pending, error, login }
}
