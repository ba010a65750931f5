import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

interface ActionButtonProps {
  /** danger: outlined red (opens a confirmation); destructive: solid red (the confirmation itself) */
  kind?: 'primary' | 'secondary' | 'danger' | 'destructive' | 'plain'
  size?: 'large' | 'normal'
  block?: boolean
  loading?: boolean
  /** what the button says while its action runs, e.g. 正在发布… */
  loadingText?: string
  disabled?: boolean
  testid?: string
  onClick: () => void
  children: ReactNode
}

/** A big, plainly worded button (≥ 48 px high); busy and disabled states say so in words. */
export function ActionButton({
  kind = 'primary',
  size = 'normal',
  block = false,
  loading = false,
  loadingText,
  disabled = false,
  testid,
  onClick,
  children,
}: ActionButtonProps) {
  const inactive = loading || disabled
  const cls = [
    'gz-btn',
    `gz-btn--${kind}`,
    `gz-btn--${size}`,
    block ? 'gz-btn--block' : '',
    inactive ? 'gz-btn--inactive' : '',
  ].join(' ')
  return (
    <View
      className={cls}
      hoverClass={inactive ? 'none' : 'gz-btn--pressed'}
      role='button'
      aria-disabled={inactive ? 'true' : 'false'}
      aria-busy={loading ? 'true' : 'false'}
      data-testid={testid}
      onClick={() => {
        if (!inactive) onClick()
      }}
    >
      {loading ? <View className='gz-btn__spinner' /> : null}
      <Text className='gz-btn__text'>{loading && loadingText ? loadingText : children}</Text>
    </View>
  )
}
