import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { ToggleRow } from '@/components/ToggleRow'
import { CADRE_TITLES, CADRE_TITLE_LABELS, type CadreView } from '@/domain/contacts'
import type { MemberView } from '@/domain/members'
import { canBeCadre, useCadreSearch, useSetCadre } from '../useCadres'

const TITLE_OPTIONS = CADRE_TITLES.map((t) => ({ value: t, label: CADRE_TITLE_LABELS[t] }))

/** 设定联系人 (committee): find a verified resident or staff member, choose the title, phone and note, save. */
export function CadreSetForm({ cadres, onSaved }: { cadres: readonly CadreView[]; onSaved: (c: CadreView) => Promise<void> | void }) {
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const search = useCadreSearch(query)
  const [saved, setSaved] = useState<string | null>(null)
  const f = useSetCadre(onSaved)
  const pick = (m: MemberView) => {
    setSaved(null)
    f.setField('person', { id: m.id, name: m.name })
  }
  const save = async () => {
    setSaved(null)
    const c = await f.submit()
    if (c) setSaved(`已把 ${c.name} 设为${CADRE_TITLE_LABELS[c.title]}联系人，可以在下面给他指派住户`)
  }
  return (
    <Card title='设定联系人' testid='cadre-set'>
      <Text className='contact-overview__label'>把已认证的住户或本社区工作人员设为联系户党员/干部；已是联系人的再设一次即修改。</Text>
      <FormField label='联系人' name='userId' required error={f.errors.userId}>
        {f.form.person ? (
          <View className='contact-overview__row contact-overview__row--picked' data-testid='cadre-picked'>
            <Text className='contact-households__address'>{f.form.person.name}</Text>
            <ActionButton kind='plain' testid='cadre-unpick' onClick={() => f.setField('person', null)}>
              重新选择
            </ActionButton>
          </View>
        ) : (
          <View className='contact-overview__who'>
            <View className='contact-overview__search'>
              <Input
                className='gz-input contact-overview__search-input'
                value={typed}
                maxlength={20}
                placeholder='姓名或手机号'
                confirmType='search'
                onInput={(e) => setTyped(e.detail.value)}
                onConfirm={() => setQuery(typed)}
                data-testid='cadre-search'
              />
              <ActionButton kind='secondary' testid='cadre-search-submit' onClick={() => setQuery(typed.trim())}>
                搜索
              </ActionButton>
            </View>
            {query ? <SearchResults search={search} query={query} cadres={cadres} onPick={pick} /> : null}
          </View>
        )}
      </FormField>
      <FormField label='身份' name='title' required error={f.errors.title}>
        <ChoiceChips options={TITLE_OPTIONS} value={f.form.title} onChange={(v) => f.setField('title', v)} testidPrefix='cadre-title' />
      </FormField>
      <FormField label='电话' name='publishPhone' error={f.errors.publishPhone}>
        <ToggleRow
          label='向所联系的住户公开电话'
          hint='打开后，住户在“我家的联系人”里可以一键拨打'
          checked={f.form.publishPhone}
          onChange={(v) => f.setField('publishPhone', v)}
          testid='cadre-publish-phone'
        />
      </FormField>
      <FormField label='联系说明' name='publicNote' hint='选填，住户能看到，最多 60 字' error={f.errors.publicNote}>
        <Input
          className='gz-input'
          value={f.form.publicNote}
          maxlength={60}
          placeholder='例如：晚上 7 点后方便接电话'
          onInput={(e) => f.setField('publicNote', e.detail.value)}
          data-testid='cadre-note'
        />
      </FormField>
      {f.submitError && !Object.values(f.errors).some(Boolean) ? (
        <View className='gz-banner gz-banner--error' data-testid='cadre-set-error'>
          <Text>{`没有设定成功：${f.submitError.message}`}</Text>
        </View>
      ) : null}
      {saved ? (
        <View className='gz-banner gz-banner--ok' data-testid='cadre-set-done'>
          <Text>{saved}</Text>
        </View>
      ) : null}
      <ActionButton block testid='cadre-save' loading={f.submitting} loadingText='正在保存…' onClick={() => void save()}>
        保存联系人
      </ActionButton>
    </Card>
  )
}

interface ResultsProps {
  search: ReturnType<typeof useCadreSearch>
  query: string
  cadres: readonly CadreView[]
  onPick: (m: MemberView) => void
}

function SearchResults({ search, query, cadres, onPick }: ResultsProps) {
  if (search.status === 'loading') return <Text className='gz-muted'>正在搜索…</Text>
  if (search.status === 'error') return <Text className='gz-field__error' data-testid='cadre-search-error'>{`没有搜到：${search.error?.message ?? ''}`}</Text>
  const people = search.data ?? []
  if (people.length === 0) return <Text className='gz-muted' data-testid='cadre-search-empty'>{`没有找到“${query}”，换个姓名或手机号再试`}</Text>
  return (
    <View data-testid='cadre-results'>
      {people.map((m) => {
        const ok = canBeCadre(m)
        const current = cadres.find((c) => c.userId === m.id)
        const notes = [m.address, m.gridName, current ? `已是${CADRE_TITLE_LABELS[current.title]}联系人，保存即修改` : null, ok ? null : '未认证，不能设为联系人']
        return (
          <View key={m.id} className='contact-overview__row' data-testid='cadre-result'>
            <View className='contact-overview__who'>
              <Text>{m.name}</Text>
              <Text className='gz-muted'>{notes.filter(Boolean).join(' · ') || '本社区'}</Text>
            </View>
            {ok ? (
              <ActionButton kind='secondary' testid={`cadre-pick-${m.id}`} onClick={() => onPick(m)}>
                选择
              </ActionButton>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
