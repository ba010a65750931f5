import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import './ReceiptCard.scss'

interface ReceiptCardProps {
  receipt: string
  /** offline: the committee hands the code to the resident on paper */
  offline?: boolean
  /** found again after a lost reply: 您上次提交的表决已计入 (offline: 这一票已录入) */
  recovered?: boolean
  /** 我已记下 (online: the receipt leaves this device; until then it is shown on every visit) or the committee's 登记下一位 */
  onDone?: () => void
}

/** The receipt code: big, copyable, how long this phone keeps it and what it is for, in plain words. */
export function ReceiptCard({ receipt, offline = false, recovered = false, onDone }: ReceiptCardProps) {
  const copy = () =>
    void Promise.resolve(Taro.setClipboardData({ data: receipt }))
      .then(() => Taro.showToast({ title: '回执码已复制', icon: 'none' }))
      .catch(() => undefined)
  return (
    <View className='gz-receipt' data-testid='receipt-card'>
      <Text className='gz-receipt__ok' data-testid='receipt-title'>
        {offline ? (recovered ? '✓ 这一票已录入，回执码：' : '✓ 线下表决已登记') : recovered ? '✓ 您上次提交的表决已计入，回执码：' : '✓ 投票成功'}
      </Text>
      {recovered ? null : <Text className='gz-receipt__label'>{offline ? '这张票的回执码' : '您的回执码'}</Text>}
      <Text className='gz-receipt__code' selectable userSelect data-testid='receipt-code'>
        {receipt}
      </Text>
      <ActionButton kind='primary' block testid='receipt-copy' onClick={copy}>
        复制回执码
      </ActionButton>
      <View className='gz-receipt__explain' data-testid='receipt-explain'>
        <Text className='gz-receipt__warn'>
          {offline
            ? '请现在把回执码抄在纸上交给这位居民：点“登记下一位”或离开本页后，这里就不再显示。'
            : '回执码保存在这台手机上，重新打开本页还能看到；点“我已记下”就从手机上删掉，谁也找不回来（社区也没有）。'}
        </Text>
        <Text>
          {offline
            ? '表决结束后，居民（或代他查询的人）在结果页输入回执码，就能核对这一票已按他的选择计入。'
            : '请先抄在纸上或复制保存。表决结束后，在结果页输入回执码，就能核对您的一票已按您的选择计入。'}
        </Text>
        <Text>回执码里没有姓名，别人看到也不知道是谁投的；投出的票不能更改。</Text>
      </View>
      {onDone ? (
        <ActionButton kind='secondary' block testid={offline ? 'receipt-next' : 'receipt-done'} onClick={onDone}>
          {offline ? '我已记下，登记下一位' : '我已记下'}
        </ActionButton>
      ) : null}
    </View>
  )
}
