import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

/** A white card on the grey page, with an optional heading. */
export function Card({ title, extra, testid, children }: { title?: string; extra?: ReactNode; testid?: string; children: ReactNode }) {
  return (
    <View className='gz-card' data-testid={testid}>
      {title || extra ? (
        <View className='gz-card__head'>
          {title ? <Text className='gz-card__title'>{title}</Text> : <View />}
          {extra}
        </View>
      ) : null}
      {children}
    </View>
  )
}
