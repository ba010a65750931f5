import Comment from '@nutui/icons-react-taro/dist/es/icons/Comment.js'
import Del from '@nutui/icons-react-taro/dist/es/icons/Del.js'
import Home from '@nutui/icons-react-taro/dist/es/icons/Home.js'
import More from '@nutui/icons-react-taro/dist/es/icons/More.js'
import Repairman from '@nutui/icons-react-taro/dist/es/icons/Repairman.js'
import ShieldCheck from '@nutui/icons-react-taro/dist/es/icons/ShieldCheck.js'
import Warning from '@nutui/icons-react-taro/dist/es/icons/Warning.js'
import type { ReportCategory } from '@/domain/reports'

const ICONS: Record<ReportCategory, typeof Comment> = {
  dispute: Comment,
  public_security: ShieldCheck,
  safety_hazard: Warning,
  environment: Del,
  facility: Repairman,
  livelihood: Home,
  other: More,
}

/** The picture beside a category's name on the tab's tiles (the name always goes with it). */
export function CategoryIcon({ category, color }: { category: ReportCategory; color: string }) {
  const Icon = ICONS[category] ?? More
  return <Icon size={30} color={color} />
}
