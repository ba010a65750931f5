import { Text, View } from '@tarojs/components'
import { PagedList } from '@/components/PagedList'
import { ReportRow } from '../../reports'
import type { useDepartmentQueue } from '../useDepartmentQueue'

/** 交办队列: what was dispatched to the department and is not finished, its deadline first (overdue in red, in words). */
export function DepartmentQueueScreen({ list, departmentName, onOpen }: { list: ReturnType<typeof useDepartmentQueue>; departmentName: string; onOpen: (id: string) => void }) {
  return (
    <View className='gz-page staff-screen' data-testid='department-queue'>
      <Text className='staff-screen__intro'>{`交办给${departmentName}的问题，按办理期限先后排列。请先受理；不属于本部门职责的，写明原因退回交办。`}</Text>
      <PagedList list={list} emptyText='没有待办的交办问题' emptyHint='社区或街道交办给本部门的问题会出现在这里。' refreshWhenEmpty>
        <View className='staff-screen__list' data-testid='department-queue-list'>
          {list.items.map((r) => (
            <ReportRow key={r.id} report={r} onOpen={onOpen} />
          ))}
        </View>
      </PagedList>
    </View>
  )
}
