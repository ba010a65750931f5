import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import './ReceiptCard.scss'

interface ReceiptCardProps {
  receipt: string
  /** offline: the committee hands the code to the resident on paper */
  offline?: boolean
  /** the committee's "record the next one" */
  onDone?: () => void
}

/** The receipt code, shown this once: big, copyable, and what it is for in plain words. */
export function ReceiptCard({ receipt, offline = false, onDone }: ReceiptCardProps) {
  const copy = () =>
    void Promise.resolve(Taro.setClipboardData({ data: receipt }))
      .then(() => Taro.showToast({ title: '回执码已复制', icon: 'none' }))
      .catch(() => undefined)
  return (
    <View className='gz-receipt' data-testid='receipt-card'>
      <Text className='gz-receipt__ok'>{offline ? '✓ 线下表决已登记' : '✓ 投票成功'}</Text>
      <Text className='gz-receipt__label'>{offline ? '这张票的回执码' : '您的回执码'}</Text>
      <Text className='gz-receipt__code' selectable userSelect data-testid='receipt-code'>
        {receipt}
      </Text>
      <ActionButton kind='primary' block testid='receipt-copy' onClick={copy}>
        复制回执码
      </ActionButton>
      <View className='gz-receipt__explain' data-testid='receipt-explain'>
        <Text className='gz-receipt__warn'>回执码只显示这一次，离开本页后无法再查看。</Text>
        <Text>
          {offline
            ? '请把回执码抄在纸上交给这位居民。表决结束后，居民（或代他查询的人）在结果页输入回执码，就能核对这一票已按他的选择计入。'
            : '请抄下来或复制保存。表决结束后，在结果页输入回执码，就能核对您的一票已按您的选择计入。'}
        </Text>
        <Text>回执码里没有姓名，别人看到也不知道是谁投的；投出的票不能更改。</Text>
      </View>
      {onDone ? (
        <ActionButton kind='secondary' block testid='receipt-next' onClick={onDone}>
          我已记下，登记下一位
        </ActionButton>
      ) : null}
    </View>
  )
}
