import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { Dialog, SearchBar } from '@nutui/nutui-react-taro'
import type { CommunityChoice } from '@/domain/community'
import { ActionButton } from '@/components/ActionButton'
import { PagedList } from '@/components/PagedList'
import { useChooseCommunity, useCommunityChoices } from '../useChooseCommunity'
import './ChooseCommunityScreen.scss'

const placeOf = (c: CommunityChoice) => [c.districtName, c.streetName].filter(Boolean).join(' · ')

/**
 * 选择社区: someone new says which community they live in — search by a community, street or district name, tap it,
 * confirm. Large text and whole-row targets; the choice is once (a change goes through the committee), so it is
 * confirmed in a dialog that says so. Once chosen, the session's profile has the community and the page moves on.
 */
export function ChooseCommunityScreen() {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const list = useCommunityChoices(query)
  const [picked, setPicked] = useState<CommunityChoice | null>(null)
  const { choose, submitting, error, clearError } = useChooseCommunity()

  const search = (value: string) => setQuery(value.trim())
  const close = () => {
    if (submitting) return
    setPicked(null)
    clearError()
  }
  const confirm = async () => {
    if (!picked) return
    await choose({ communityId: picked.id })
  }

  return (
    <View className='gz-page choose-community'>
      <View className='choose-community__intro'>
        <Text className='choose-community__title'>请选择您所在的社区</Text>
        <Text className='choose-community__hint'>选好后，您会收到这个社区的通知，也可以向这个社区反映问题。</Text>
      </View>
      <SearchBar
        className='choose-community__search'
        value={typed}
        maxLength={20}
        placeholder='社区、村或街道名'
        onChange={(v) => setTyped(v)}
        onSearch={search}
        onClear={() => {
          setTyped('')
          setQuery('')
        }}
        inputProps={{ 'data-testid': 'community-search', confirmType: 'search' } as object}
        right={
          <ActionButton kind='secondary' testid='community-search-submit' onClick={() => search(typed)}>
            搜索
          </ActionButton>
        }
      />
      <PagedList
        list={list}
        refreshError='footer'
        emptyText={query ? `没有找到“${query}”` : '还没有可以选择的社区'}
        emptyHint={query ? '换个名字试试，比如只输入“锦江”或街道的名字。' : '请联系社区工作人员。'}
        endText='没有更多社区了'
      >
        <View className='choose-community__list' data-testid='community-list'>
          {list.items.map((c) => (
            <View
              key={c.id}
              className='choose-community__item'
              hoverClass='choose-community__item--pressed'
              role='button'
              data-testid='community-row'
              data-id={c.id}
              onClick={() => setPicked(c)}
            >
              <View className='choose-community__item-text'>
                <Text className='choose-community__name'>{c.name}</Text>
                <Text className='choose-community__place'>{placeOf(c)}</Text>
              </View>
              <Text className='choose-community__go'>选择 ›</Text>
            </View>
          ))}
        </View>
      </PagedList>
      <Dialog
        visible={picked !== null}
        title='确认您所在的社区'
        content={
          <View className='choose-community__confirm' data-testid='community-confirm'>
            <Text className='choose-community__confirm-name'>{picked?.name}</Text>
            <Text className='choose-community__place'>{picked ? placeOf(picked) : ''}</Text>
            <Text className='choose-community__confirm-note'>选定后不能自己更改，如需更换，请联系社区工作人员。</Text>
            {error ? (
              <Text className='choose-community__error' data-testid='community-choose-error'>
                没有选择成功：{error.message}
              </Text>
            ) : null}
          </View>
        }
        footer={
          <View className='choose-community__actions'>
            <ActionButton kind='secondary' testid='community-choose-cancel' disabled={submitting} onClick={close}>
              重新选择
            </ActionButton>
            <ActionButton kind='primary' loading={submitting} loadingText='正在确认…' testid='community-choose-confirm' onClick={() => void confirm()}>
              确认选择
            </ActionButton>
          </View>
        }
        onClose={close}
      />
    </View>
  )
}
