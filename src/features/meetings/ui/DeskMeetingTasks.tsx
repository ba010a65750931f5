import Taro from '@tarojs/taro'
import { ROUTES, withQuery } from '@/services/routes'
import { useMyMeetingTasks } from '../useMeetings'
import { MyMeetingTasks } from './MyMeetingTasks'

/** The viewer's open 联席会议 tasks on their work desk; a tap on one opens its dispute. */
export function DeskMeetingTasks({ userId }: { userId: string }) {
  const t = useMyMeetingTasks(userId, true)
  return <MyMeetingTasks t={t} onOpen={(reportId) => void Taro.navigateTo({ url: withQuery(ROUTES.reportDetail, { id: reportId }) })} />
}
