import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { ActionButton } from '@/components/ActionButton'
import { useSetPhone } from '../useSetPhone'

interface Props {
  hasPhone: boolean
  onSaved: (me: Me) => void
  onClose: () => void
}

export const NO_WECHAT_PHONE = '没有取得手机号，请直接填写'

/**
 * Fill in or change the phone number: WeChat's phone-number button on weapp, and always a typed number.
 * When the button brings back no code (the person said no, or the feature is not available), say so and
 * put the cursor in the typed field.
 */
export function PhoneEditor({ hasPhone, onSaved, onClose }: Props) {
  const [typed, setTyped] = useState('')
  const [noWechat, setNoWechat] = useState(false)
  const { saveTyped, saveFromWechat, submitting, fieldError, error } = useSetPhone((me) => {
    onSaved(me)
    onClose()
  })
  const weapp = process.env.TARO_ENV === 'weapp'

  return (
    <View className='me-screen__phone-editor' data-testid='phone-editor'>
      <Text className='gz-muted'>手机号用于社区工作人员联系您，只有您本人和需要办事的工作人员能看到完整号码。</Text>
      {weapp ? (
        <Button
          className='me-screen__wx-phone'
          openType='getPhoneNumber'
          data-testid='phone-wechat'
          disabled={submitting}
          onGetPhoneNumber={(e) => {
            const code = (e.detail as { code?: string } | undefined)?.code
            setNoWechat(!code)
            if (code) void saveFromWechat(code)
          }}
        >
          使用微信绑定的手机号
        </Button>
      ) : null}
      {noWechat ? (
        <View className='gz-banner gz-banner--info' data-testid='phone-wechat-none'>
          <Text>{NO_WECHAT_PHONE}</Text>
        </View>
      ) : null}
      <Text className='me-screen__phone-label'>{weapp && !noWechat ? '或者自己填写：' : '填写手机号：'}</Text>
      <Input
        className={`gz-input${fieldError ? ' gz-input--error' : ''}`}
        type='number'
        maxlength={13}
        value={typed}
        placeholder='11 位手机号'
        focus={noWechat}
        onInput={(e) => setTyped(e.detail.value)}
        data-testid='phone-input'
      />
      {fieldError ? (
        <Text className='me-screen__phone-error' data-testid='phone-field-error'>
          {fieldError}
        </Text>
      ) : null}
      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='phone-error'>
          <Text>没有保存成功：{error.message}</Text>
        </View>
      ) : null}
      <View className='me-screen__phone-actions'>
        <ActionButton kind='secondary' testid='phone-cancel' onClick={onClose}>
          取消
        </ActionButton>
        <ActionButton
          kind='primary'
          loading={submitting}
          loadingText='正在保存…'
          testid='phone-save'
          onClick={() => void saveTyped(typed)}
        >
          {hasPhone ? '保存新号码' : '保存'}
        </ActionButton>
      </View>
    </View>
  )
}
