import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { useCandidateSearch } from '../useCandidateSearch'

/** 添加人员: search the area's people by name or phone, tap 添加 beside the right one (no 用户编号 to type). */
export function MemberSearch({ departmentId, adding, onAdd }: { departmentId: string; adding: boolean; onAdd: (userId: string) => Promise<boolean> }) {
  const s = useCandidateSearch(departmentId)
  const r = s.result
  return (
    <View className='member-search' data-testid={`member-search-${departmentId}`}>
      <Text className='departments__label'>添加人员</Text>
      <View className='member-search__bar'>
        <Input
          className='gz-input member-search__input'
          value={s.query}
          maxlength={20}
          confirmType='search'
          placeholder='输入姓名或手机号'
          onInput={(e) => s.setQuery(e.detail.value)}
          onConfirm={() => void s.search()}
          data-testid={`member-query-${departmentId}`}
        />
        <ActionButton kind='secondary' testid={`member-search-go-${departmentId}`} loading={r.status === 'loading'} onClick={() => void s.search()}>
          搜索
        </ActionButton>
      </View>
      {r.status === 'loading' ? <Text className='departments__hint'>正在查找…</Text> : null}
      {r.status === 'error' ? (
        <Text className='departments__error' data-testid={`member-search-error-${departmentId}`}>
          {r.message}
        </Text>
      ) : null}
      {r.status === 'done' && r.items.length === 0 ? (
        <Text className='departments__hint' data-testid={`member-search-empty-${departmentId}`}>
          {`本辖区没有找到“${r.query}”。请核对姓名或手机号；此人须已登录小程序并选择了本辖区的社区，且不是网格员、社区或街道工作人员。`}
        </Text>
      ) : null}
      {r.status === 'done'
        ? r.items.map((c) => (
            <View key={c.id} className='member-search__row' data-testid={`candidate-${c.id}`}>
              <View className='member-search__who'>
                <Text className='member-search__name'>{c.name}</Text>
                <Text className='departments__hint'>{c.phoneTail ? `${c.communityName} · 尾号 ${c.phoneTail}` : c.communityName}</Text>
              </View>
              <ActionButton
                kind='secondary'
                testid={`candidate-add-${c.id}`}
                loading={adding}
                onClick={() => void onAdd(c.id).then((ok) => ok && s.drop(c.id))}
              >
                添加
              </ActionButton>
            </View>
          ))
        : null}
      {r.status === 'done' && r.items.length >= 20 ? <Text className='departments__hint'>只显示前 20 位，请输入更完整的姓名或手机号。</Text> : null}
    </View>
  )
}
