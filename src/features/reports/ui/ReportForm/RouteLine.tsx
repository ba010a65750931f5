import { Text, View } from '@tarojs/components'
import type { useReportRoute } from '../../useReportRoute'

/** 将交给：第一网格（网格员 孙丽）— where the report goes from this place, or the grid the resident picked instead. */
export function RouteLine({ route, picked }: { route: ReturnType<typeof useReportRoute>; picked?: string }) {
  if (picked) {
    return (
      <Text className='report-form__route' data-testid='location-route'>
        将交给：{picked}（您改选的网格）
      </Text>
    )
  }
  if (route.status === 'loading') return <Text className='gz-muted'>正在确认交给哪个网格…</Text>
  if (route.status === 'error' || !route.data) {
    return <Text className='gz-muted' data-testid='location-route'>提交后按位置交给所在网格的网格员</Text>
  }
  const r = route.data
  return (
    <View className='report-form__route-box'>
      <Text className='report-form__route' data-testid='location-route'>
        将交给：{r.gridName}（{r.handler}）
      </Text>
      {r.inside ? null : (
        <Text className='report-form__notice' data-testid='location-outside'>
          这个位置不在本社区的网格里，先交给您所在的网格；如果不对，请改选网格。
        </Text>
      )}
    </View>
  )
}
