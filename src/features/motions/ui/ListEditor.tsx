import { Input, Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'

interface ListEditorProps {
  items: string[]
  min: number
  max: number
  labelOf: (i: number) => string
  errors: Record<string, string>
  errorPrefix: string
  multiline?: boolean
  placeholder: string
  addText: string
  testid: string
  onChange: (items: string[]) => void
}

/** A numbered list of texts with 删除 per row and 添加 at the end (articles, a matter's options). */
export function ListEditor({ items, min, max, labelOf, errors, errorPrefix, multiline = false, placeholder, addText, testid, onChange }: ListEditorProps) {
  const setAt = (i: number, v: string) => onChange(items.map((x, j) => (j === i ? v : x)))
  return (
    <View className='motion-draft__list'>
      {items.map((value, i) => {
        const error = errors[`${errorPrefix}.${i}`]
        return (
          <View key={i} className={`motion-draft__item${error ? ' motion-draft__item--error' : ''}`} data-testid={`${testid}-${i}`}>
            <View className='motion-draft__item-head'>
              <Text className='motion-draft__item-label'>{labelOf(i)}</Text>
              {items.length > min ? (
                <ActionButton kind='plain' testid={`${testid}-remove-${i}`} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                  删除
                </ActionButton>
              ) : null}
            </View>
            {multiline ? (
              <Textarea className='gz-textarea motion-draft__article' value={value} maxlength={2100} placeholder={placeholder} onInput={(e) => setAt(i, e.detail.value)} data-testid={`${testid}-text-${i}`} />
            ) : (
              <Input className='gz-input' value={value} maxlength={80} placeholder={placeholder} onInput={(e) => setAt(i, e.detail.value)} data-testid={`${testid}-text-${i}`} />
            )}
            {error ? (
              <Text className='motion-draft__error' data-testid={`field-error-${errorPrefix}.${i}`}>
                {error}
              </Text>
            ) : null}
          </View>
        )
      })}
      {items.length < max ? (
        <ActionButton kind='secondary' block testid={`${testid}-add`} onClick={() => onChange([...items, ''])}>
          + {addText}
        </ActionButton>
      ) : (
        <Text className='gz-muted'>最多 {max} 项</Text>
      )}
    </View>
  )
}
