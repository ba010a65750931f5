import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'

/** The grey lines a detail page shows while it loads (`<testid>-loading`). */
export function DetailSkeleton({ testid, lines = 3 }: { testid: string; lines?: 2 | 3 }) {
  return (
    <View className='gz-page' data-testid={`${testid}-loading`} aria-busy='true'>
      <View className='gz-skeleton'>
        <View className='gz-skeleton__line gz-skeleton__line--short' />
        <View className='gz-skeleton__line' />
        {lines === 3 ? <View className='gz-skeleton__line gz-skeleton__line--mid' /> : null}
      </View>
    </View>
  )
}

interface LoadFailedProps {
  testid: string
  error: { code: string; message: string } | null | undefined
  /** what to say when the thing does not exist or is not the caller's to see (NOT_FOUND / FORBIDDEN) */
  notFound: string
  onRetry: () => void
}

/** A detail page that did not load: why, in words, and 重试 (`<testid>-error`, `<testid>-retry`). */
export function LoadFailed({ testid, error, notFound, onRetry }: LoadFailedProps) {
  const gone = error?.code === 'NOT_FOUND' || error?.code === 'FORBIDDEN'
  return (
    <View className='gz-page'>
      <View className='gz-banner gz-banner--error' data-testid={`${testid}-error`}>
        <Text>{gone ? notFound : `没有加载出来：${error?.message ?? '请稍后重试'}`}</Text>
      </View>
      <ActionButton kind='secondary' testid={`${testid}-retry`} onClick={onRetry}>
        重试
      </ActionButton>
    </View>
  )
}
