import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { useGridWorkers } from '../../useStaffActions'

interface PickerProps {
  gridId: string
  currentId: string | null
  value: string
  onChange: (id: string) => void
  error?: string
}

/** 改派给: the community's 网格员 as big radio rows, with the grids each covers. */
export function WorkerPicker({ gridId, currentId, value, onChange, error }: PickerProps) {
  const { workers, status, error: loadError, reload } = useGridWorkers(gridId, true)
  const choices = workers.filter((w) => w.id !== currentId)
  return (
    <View className='staff-sheet__workers' data-testid='staff-workers'>
      <View className='staff-sheet__label'>
        <Text>改派给</Text>
        <Text className='staff-sheet__req'>（必选）</Text>
      </View>
      {status === 'loading' ? <Text className='gz-muted'>正在加载网格员…</Text> : null}
      {status === 'error' ? (
        <View className='gz-banner gz-banner--error' data-testid='staff-workers-error'>
          <Text>网格员名单没有加载出来：{loadError?.message}</Text>
          <ActionButton kind='plain' testid='staff-workers-retry' onClick={() => void reload()}>
            重试
          </ActionButton>
        </View>
      ) : null}
      {status === 'ready' && choices.length === 0 ? (
        <Text className='gz-muted'>社区没有其他网格员可以改派。</Text>
      ) : null}
      <View role='radiogroup'>
        {choices.map((w) => {
          const on = w.id === value
          return (
            <View
              key={w.id}
              className={`staff-sheet__worker${on ? ' staff-sheet__worker--on' : ''}`}
              role='radio'
              aria-checked={on ? 'true' : 'false'}
              data-testid={`staff-worker-${w.id}`}
              onClick={() => onChange(w.id)}
            >
              <Text className='staff-sheet__worker-name'>{on ? `✓ ${w.name}` : w.name}</Text>
              <Text className='staff-sheet__worker-grids'>
                {w.grids.length ? `负责 ${w.grids.map((g) => g.name).join('、')}` : '尚未分配网格'}
              </Text>
            </View>
          )
        })}
      </View>
      {error ? (
        <Text className='staff-sheet__error' data-testid='staff-worker-error'>
          {error}
        </Text>
      ) : null}
    </View>
  )
}
