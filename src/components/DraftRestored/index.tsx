import { Text, View } from '@tarojs/components'
import { ActionButton } from '../ActionButton'
import { fromNow } from '../time'
import './index.scss'

interface Props {
  /** when the restored draft was saved on this phone */
  savedAt: string
  onDiscard: () => void
  /** 已恢复您上次没有{verb}的{noun} */
  verb?: '提交' | '发出' | '保存'
  noun?: '内容' | '草稿'
  discardLabel?: string
  testid?: string
  discardTestid?: string
}

/** The banner of a form that found its unsent draft on the phone: what was restored, and 清空重写. */
export function DraftRestored({ savedAt, onDiscard, verb = '提交', noun = '内容', discardLabel = '清空重写', testid = 'draft-restored', discardTestid = 'discard-draft' }: Props) {
  return (
    <View className='gz-banner gz-banner--info gz-draft-restored' data-testid={testid}>
      <Text>
        已恢复您上次没有{verb}的{noun}（{fromNow(savedAt)}保存）。
      </Text>
      <ActionButton kind='plain' testid={discardTestid} onClick={onDiscard}>
        {discardLabel}
      </ActionButton>
    </View>
  )
}
