import { Text, View } from '@tarojs/components'

export interface Figure {
  key: string
  label: string
  value: string
  /** opens the list this figure counts */
  onOpen?: () => void
}

/** Figures as rows of words (label, value): the text a chart can sit beside. A row that opens a list says 查看. */
export function FigureList({ figures, testid }: { figures: Figure[]; testid: string }) {
  return (
    <View className='overview-figures' data-testid={testid}>
      {figures.map((f) => (
        <View
          key={f.key}
          className={`overview-figures__row${f.onOpen ? ' overview-figures__row--link' : ''}`}
          data-testid={`${testid}-${f.key}`}
          role={f.onOpen ? 'link' : undefined}
          onClick={f.onOpen}
        >
          <Text className='overview-figures__label'>{f.label}</Text>
          <Text className='overview-figures__value'>
            {f.value}
            {f.onOpen ? ' ›' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** A small heading inside a card. */
export function Sub({ children }: { children: string }) {
  return <Text className='overview__sub'>{children}</Text>
}
