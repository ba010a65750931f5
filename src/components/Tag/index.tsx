import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import './index.scss'

export type TagTone = 'blue' | 'red' | 'green' | 'amber' | 'purple' | 'grey'

interface TagProps {
  tone: TagTone
  children: ReactNode
  testid?: string
}

/** A small word on a tinted background: the word carries the meaning, the colour only helps. */
export function Tag({ tone, children, testid }: TagProps) {
  return (
    <Text className={`gz-tag gz-tag--${tone}`} data-testid={testid}>
      {children}
    </Text>
  )
}
