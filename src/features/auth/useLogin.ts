import { useCallback, useState } from 'react'
import type { Role } from '@/domain/roles'
import { toApiError } from '@/services/api-error'
import { devLogin, goHome, wxLogin } from './login'

export type LoginChoice = Role | 'wechat'

/** Login page state: which choice is in flight and the last error, in Chinese. */
export function useLogin() {
  const [pending, setPending] = useState<LoginChoice | null>(null)
  const [error, setError] = useState<string | null>(null)

  const login = useCallback(
    async (choice: LoginChoice) => {
      if (pending) return
      setPending(choice)
      setError(null)
      try {
        if (choice === 'wechat') await wxLogin()
        else await devLogin(choice)
        goHome()
      } catch (e) {
        setError(toApiError(e).message)
      } finally {
        setPending(null)
      }
    },
    [pending],
  )

  return { pending, error, login }
}
