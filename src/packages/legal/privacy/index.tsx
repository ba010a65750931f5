import { PrivacyScreen } from '@/features/legal/ui/PrivacyScreen'

/** 隐私保护指引: open to everyone, signed in or not (linked from the login page and 我的). */
export default function PrivacyPage() {
  return <PrivacyScreen />
}
