import { Text, View } from '@tarojs/components'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { openWechatPrivacyContract } from '../privacyConsent'
import { PRIVACY_FACTS, PRIVACY_INTRO, PRIVACY_SECTIONS, PRIVACY_TITLE } from '../privacyGuide'
import './PrivacyScreen.scss'

/** 隐私保护指引: by purpose — what, why, who sees it — then where, how long, choices, contact. Same on weapp and H5. */
export function PrivacyScreen() {
  const weapp = process.env.TARO_ENV === 'weapp'
  return (
    <View className='gz-page privacy-screen' data-testid='privacy-page'>
      <View className='privacy-screen__head'>
        <Text className='privacy-screen__title'>{PRIVACY_TITLE}</Text>
        <Text className='privacy-screen__intro'>{PRIVACY_INTRO}</Text>
      </View>

      {PRIVACY_SECTIONS.map((s) => (
        <Card key={s.id} title={s.title} testid={`privacy-section-${s.id}`}>
          <View className='privacy-screen__items'>
            {s.items.map((item) => (
              <View key={item.what} className='privacy-screen__item'>
                <Text className='privacy-screen__what'>{item.what}</Text>
                <Line label='为什么要' text={item.why} />
                <Line label='谁能看到' text={item.who} />
              </View>
            ))}
          </View>
        </Card>
      ))}

      {PRIVACY_FACTS.map((f) => (
        <Card key={f.id} title={f.title} testid={`privacy-section-${f.id}`}>
          <View className='privacy-screen__lines'>
            {f.lines.map((line) => (
              <Text key={line} className='privacy-screen__line'>
                {line}
              </Text>
            ))}
          </View>
        </Card>
      ))}

      {weapp ? (
        <Card>
          <LinkRow
            label='微信登记的隐私保护指引'
            hint='本小程序在微信登记的同一份说明'
            testid='privacy-wechat-contract'
            onClick={() => void openWechatPrivacyContract()}
          />
        </Card>
      ) : null}
    </View>
  )
}

function Line({ label, text }: { label: string; text: string }) {
  return (
    <View className='privacy-screen__line-row'>
      <Text className='privacy-screen__label'>{label}</Text>
      <Text className='privacy-screen__line'>{text}</Text>
    </View>
  )
}
