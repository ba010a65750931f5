import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import './RejectDialog.scss'

interface Props {
  /** who the application is from, for the title; null = closed */
  name: string | null
  busy: boolean
  /** resolves with a message to show under the reason (e.g. 不通过时请写明理由), or null when done */
  onConfirm: (reason: string) => Promise<string | null>
  onCancel: () => void
}

/** 不通过 asks for the reason the applicant will read; the schema requires it. */
export function RejectDialog({ name, busy, onConfirm, onCancel }: Props) {
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    if (name === null) {
      setReason('')
      setProblem(null)
    }
  }, [name])

  const confirm = async () => {
    const message = await onConfirm(reason)
    setProblem(message)
  }

  return (
    <Dialog
      visible={name !== null}
      title={`不通过 ${name ?? ''} 的申请？`}
      content={
        <View className='workspace__dialog' data-testid='reject-dialog'>
          <Text className='workspace__dialog-note'>请写明理由，申请人会看到，并可以改正后重新申请。</Text>
          <Textarea
            className={`gz-textarea workspace__reason${problem ? ' workspace__reason--error' : ''}`}
            value={reason}
            maxlength={200}
            placeholder='例如：花名册中 301 户主不是您，请核对房号'
            onInput={(e) => {
              setReason(e.detail.value)
              setProblem(null)
            }}
            data-testid='reject-reason'
          />
          {problem ? (
            <Text className='workspace__dialog-error' data-testid='reject-error'>
              {problem}
            </Text>
          ) : null}
        </View>
      }
      footer={
        <View className='workspace__dialog-actions'>
          <ActionButton kind='secondary' testid='reject-cancel' onClick={onCancel}>
            取消
          </ActionButton>
          <ActionButton kind='destructive' loading={busy} loadingText='正在提交…' testid='reject-confirm' onClick={() => void confirm()}>
            确定不通过
          </ActionButton>
        </View>
      }
      onClose={onCancel}
    />
  )
}
