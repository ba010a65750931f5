import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { GridView } from '@/domain/community'
import { ActionButton } from '@/components/ActionButton'
import { FormField } from '@/components/FormField'
import { ListState } from '@/components/ListState'
import { Tag } from '@/components/Tag'
import type { useGridPhones } from '../useGridPhones'
import '../../../components/workspace.scss'

/**
 * 网格服务电话 (committee): the number residents may call about each grid. It is shown with the grid and, on a
 * report, to its reporter — so publish a service number (a duty phone, the grid's work phone), never anyone's own.
 */
export function GridsScreen({ phones }: { phones: ReturnType<typeof useGridPhones> }) {
  const { community } = phones
  const [editing, setEditing] = useState<string | null>(null)
  const grids = community.data?.grids ?? []
  return (
    <View className='gz-page workspace' data-testid='grids-screen'>
      <Text className='workspace__intro'>
        居民在问题详情里会看到所在网格的服务电话，用来问办理进度。请填写值班电话或工作电话，不要填个人手机。
      </Text>
      <ListState
        status={community.status}
        error={community.error}
        isEmpty={grids.length === 0}
        emptyText='本社区还没有划分网格'
        onRetry={() => void community.reload()}
      >
        <View className='workspace__list' data-testid='grid-list'>
          {grids.map((g) => (
            <GridRow key={g.id} grid={g} phones={phones} editing={editing === g.id} onEdit={() => setEditing(g.id)} onDone={() => setEditing(null)} />
          ))}
        </View>
      </ListState>
    </View>
  )
}

function GridRow({
  grid,
  phones,
  editing,
  onEdit,
  onDone,
}: {
  grid: GridView
  phones: ReturnType<typeof useGridPhones>
  editing: boolean
  onEdit: () => void
  onDone: () => void
}) {
  const [value, setValue] = useState(grid.servicePhone ?? '')
  const [invalid, setInvalid] = useState<string | undefined>()
  const save = async (phone: string) => {
    const r = await phones.save(grid.id, phone)
    setInvalid(r.invalid)
    if (r.ok) onDone()
  }
  return (
    <View className='workspace__item' data-testid='grid-row' data-id={grid.id}>
      <View className='workspace__item-head'>
        <Text className='workspace__item-title'>{grid.name}</Text>
        {grid.servicePhone ? (
          <Tag tone='green' testid='grid-phone'>
            {grid.servicePhone}
          </Tag>
        ) : (
          <Tag tone='grey' testid='grid-phone'>
            未公布电话
          </Tag>
        )}
      </View>
      {editing ? (
        <View className='workspace__register' data-testid='grid-phone-form'>
          <FormField label='服务电话' name={`grid-phone-${grid.id}`} hint='固定电话带区号，如 0575-87010001；也可以是工作手机' error={invalid}>
            <Input
              className='gz-input'
              type='text'
              value={value}
              maxlength={20}
              placeholder='0575-87010001'
              onInput={(e) => setValue(e.detail.value)}
              data-testid='grid-phone-input'
            />
          </FormField>
          {phones.error ? (
            <View className='gz-banner gz-banner--error' data-testid='grid-phone-error'>
              <Text>没有保存成功：{phones.error.message}</Text>
            </View>
          ) : null}
          <View className='gz-actions'>
            <ActionButton kind='secondary' testid='grid-phone-cancel' onClick={onDone}>
              取消
            </ActionButton>
            {grid.servicePhone ? (
              <ActionButton kind='plain' testid='grid-phone-withdraw' onClick={() => void save('')}>
                不再公布
              </ActionButton>
            ) : null}
            <ActionButton kind='primary' loading={phones.submitting} loadingText='正在保存…' testid='grid-phone-save' onClick={() => void save(value)}>
              保存
            </ActionButton>
          </View>
        </View>
      ) : (
        <ActionButton kind='secondary' testid='grid-phone-edit' onClick={onEdit}>
          {grid.servicePhone ? '修改电话' : '填写电话'}
        </ActionButton>
      )}
    </View>
  )
}
