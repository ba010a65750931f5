import { useEffect, useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import {
  AGREE_BUTTON_ID,
  answerPrivacy,
  privacyUseText,
  reportExposure,
  subscribePrivacy,
  type PrivacyRequest,
} from '@/features/legal/privacyConsent'
import { ROUTES } from '@/services/routes'
import './PrivacyConsent.scss'

/**
 * weapp: the sheet WeChat's onNeedPrivacyAuthorization asks for (see features/legal/privacyConsent).
 * Mount it on every page that uses a privacy interface; it shows only while a call is held and its page
 * is the one on screen. Renders nothing on H5 (no WeChat privacy API there).
 */
export function PrivacyConsent() {
  if (process.env.TARO_ENV !== 'weapp') return null
  return <PrivacySheet />
}

function PrivacySheet() {
  const [request, setRequest] = useState<PrivacyRequest | null>(null)
  const sub = useRef<ReturnType<typeof subscribePrivacy> | null>(null)
  useEffect(() => {
    sub.current = subscribePrivacy(setRequest)
    return () => {
      sub.current?.leave()
      sub.current = null
    }
  }, [])
  // a tab shown again (or a page returned to) becomes the one that answers
  useDidShow(() => sub.current?.raise())

  const shown = !!request
  useEffect(() => {
    if (shown) reportExposure()
  }, [shown])

  if (!request) return null
  return (
    <View className='gz-privacy' data-testid='privacy-consent'>
      <View className='gz-privacy__mask' />
      <View className='gz-privacy__sheet' role='dialog' aria-label='隐私保护提示'>
        <Text className='gz-privacy__title'>隐私保护提示</Text>
        <Text className='gz-privacy__text' data-testid='privacy-consent-use'>
          接下来要使用{privacyUseText(request.referrer)}。同意后才能继续；不同意也可以照常使用其他功能。
        </Text>
        <View
          className='gz-privacy__link'
          role='link'
          data-testid='privacy-consent-guide'
          onClick={() => void Taro.navigateTo({ url: ROUTES.privacy })}
        >
          <Text>查看《共治 隐私保护指引》›</Text>
        </View>
        <View className='gz-privacy__actions'>
          <ActionButton kind='secondary' testid='privacy-disagree' onClick={() => answerPrivacy('disagree')}>
            不同意
          </ActionButton>
          <Button
            id={AGREE_BUTTON_ID}
            className='gz-privacy__agree'
            openType='agreePrivacyAuthorization'
            data-testid='privacy-agree'
            onAgreePrivacyAuthorization={() => answerPrivacy('agree')}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  )
}
