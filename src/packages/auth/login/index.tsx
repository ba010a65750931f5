import { LoginScreen } from '@/features/auth/ui/LoginScreen'

export default function LoginPage() {
  return <LoginScreen />
}
