import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface LinkRowProps {
  label: string
  /** one line under the label: what is there, or how many wait */
  hint?: ReactNode
  /** a word on the right, e.g. a status tag */
  extra?: ReactNode
  testid?: string
  onClick: () => void
}

/** A whole-row link (≥ 48 px high) with a › so it reads as "go there". */
export function LinkRow({ label, hint, extra, testid, onClick }: LinkRowProps) {
  return (
    <View className='gz-link-row' hoverClass='gz-link-row--pressed' role='link' data-testid={testid} onClick={onClick}>
      <View className='gz-link-row__text'>
        <Text className='gz-link-row__label'>{label}</Text>
        {hint ? <Text className='gz-link-row__hint'>{hint}</Text> : null}
      </View>
      <View className='gz-link-row__end'>
        {extra}
        <Text className='gz-link-row__go' aria-hidden='true'>
          ›
        </Text>
      </View>
    </View>
  )
}
