import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import type { HouseholdView } from '@/domain/residents'
import { ActionButton } from '@/components/ActionButton'
import { ChoiceChips } from '@/components/ChoiceChips'
import { FormField } from '@/components/FormField'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import { hasRole } from '@/features/auth'
import { useCommunity } from '@/features/community'
import { roomText } from '../format'
import { useHouseholds, useRegisterResident } from '../useHouseholds'
import '../../../components/workspace.scss'
import './HouseholdsScreen.scss'

/** 住户名单 by grid; the committee can register a resident without a smartphone to a household. */
export function HouseholdsScreen({ me }: { me: Me }) {
  const committee = hasRole(me, 'committee')
  const community = useCommunity()
  // grid workers see their own grids; the committee every grid of the community
  const grids = committee ? (community.data?.grids ?? []) : me.grids
  const [gridId, setGridId] = useState('')
  const list = useHouseholds(gridId)
  // 登记无智能手机住户: one button above the list; then the clerk taps the household, its form opens there
  const [picking, setPicking] = useState(false)
  const [openId, setOpenId] = useState<string | null>(null)
  const [done, setDone] = useState<{ id: string; text: string } | null>(null)

  return (
    <View className="gz-page workspace households">
      <View className="workspace__filter" data-testid="hh-grids">
        <Text className="workspace__filter-label">网格</Text>
        <ChoiceChips<string>
          options={[
            { value: 'all', label: committee ? '全部网格' : '我负责的全部' },
            ...grids.map((g) => ({ value: g.id, label: g.name })),
          ]}
          value={gridId || 'all'}
          onChange={(v) => setGridId(v === 'all' ? '' : v)}
          testidPrefix="hh-grid"
        />
        {committee && community.status === 'error' ? (
          <View className="workspace__inline-error">
            <Text>网格没有加载出来</Text>
            <ActionButton kind="plain" onClick={() => void community.reload()}>
              重试
            </ActionButton>
          </View>
        ) : null}
      </View>
      {committee ? (
        <View className="workspace__filter" data-testid="register-entry">
          {picking ? (
            <View className="gz-banner gz-banner--info workspace__banner" data-testid="register-pick-hint">
              <Text>
                请在下面点要登记的那一户，为其中没有智能手机的成年人登记（以后可由社区代为记录表决）。
              </Text>
              <ActionButton
                kind="plain"
                testid="register-pick-cancel"
                onClick={() => {
                  setPicking(false)
                  setOpenId(null)
                }}
              >
                取消
              </ActionButton>
            </View>
          ) : (
            <ActionButton
              kind="secondary"
              block
              testid="household-register"
              onClick={() => {
                setPicking(true)
                setDone(null)
              }}
            >
              登记无智能手机住户
            </ActionButton>
          )}
        </View>
      ) : null}
      <PagedList
        list={list}
        refreshError="footer"
        endText="以上是全部住户"
        emptyText={gridId ? '这个网格还没有住户' : '还没有住户名单'}
        emptyHint={
          committee
            ? '在“花名册导入”导入表格后，住户会按网格显示在这里。'
            : '社区导入花名册后，您负责网格的住户会显示在这里。'
        }
      >
        <View className="workspace__list" data-testid="household-list">
          {list.items.map((h) => (
            <HouseholdRow
              key={h.id}
              h={h}
              pickable={picking && openId === null}
              open={openId === h.id}
              done={done?.id === h.id ? done.text : null}
              onOpen={() => setOpenId(h.id)}
              onClose={() => {
                setOpenId(null)
                setPicking(false)
              }}
              onRegistered={(name) => {
                list.update(h.id, (x) => ({ ...x, members: x.members + 1 }))
                setDone({ id: h.id, text: `已登记 ${name}。他/她不用手机，也能参加表决（由社区代为登记）。` })
                setOpenId(null)
                setPicking(false)
              }}
            />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

function HouseholdRow({
  h,
  pickable,
  open,
  done,
  onOpen,
  onClose,
  onRegistered,
}: {
  h: HouseholdView
  /** the clerk is choosing the household to register someone in: a tap opens the form here */
  pickable: boolean
  open: boolean
  done: string | null
  onOpen: () => void
  onClose: () => void
  onRegistered: (name: string) => void
}) {
  const room = roomText(h.building, h.unit, h.room)
  return (
    <View
      className={`workspace__item${pickable ? ' workspace__item--pickable' : ''}`}
      data-testid="household-row"
      data-id={h.id}
      role={pickable ? 'button' : undefined}
      onClick={pickable ? onOpen : undefined}
    >
      <View className="workspace__item-head">
        <Text className="workspace__item-title">{room}</Text>
        <Tag tone={h.members > 0 ? 'green' : 'grey'} testid="household-members">
          已认证 {h.members} 人
        </Tag>
      </View>
      <View className="workspace__facts">
        <Text className="workspace__line">
          {h.gridName} · 户主 {h.headName} · 成年人 {h.adults} 人
        </Text>
        <Text className="workspace__line">电话：{h.phone ?? '未登记'}</Text>
      </View>
      {pickable ? <Text className="workspace__pick">点这里为这户登记 ›</Text> : null}
      {done ? (
        <View className="gz-banner gz-banner--ok" data-testid="register-done">
          <Text>{done}</Text>
        </View>
      ) : null}
      {open ? <RegisterForm householdId={h.id} room={room} onClose={onClose} onDone={onRegistered} /> : null}
    </View>
  )
}

function RegisterForm({
  householdId,
  room,
  onClose,
  onDone,
}: {
  householdId: string
  room: string
  onClose: () => void
  onDone: (name: string) => void
}) {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [errors, setErrors] = useState<{ name?: string; phone?: string }>({})
  const { register, submitting, error } = useRegisterResident()

  const submit = async () => {
    const { member, errors: found } = await register(householdId, name, phone)
    setErrors(found)
    if (member) onDone(member.name)
  }

  return (
    <View className="workspace__register" data-testid="register-form">
      <Text className="workspace__text">为 {room} 没有智能手机的成年人登记，以后可由社区代为记录表决。</Text>
      <FormField label="姓名" name="register-name" required error={errors.name}>
        <Input
          className="gz-input"
          value={name}
          maxlength={20}
          placeholder="住户姓名"
          onInput={(e) => setName(e.detail.value)}
          data-testid="register-name"
        />
      </FormField>
      <FormField label="手机号" name="register-phone" hint="没有可以不填" error={errors.phone}>
        <Input
          className="gz-input"
          type="number"
          value={phone}
          maxlength={13}
          placeholder="11 位手机号"
          onInput={(e) => setPhone(e.detail.value)}
          data-testid="register-phone"
        />
      </FormField>
      {error ? (
        <View className="gz-banner gz-banner--error" data-testid="register-error">
          <Text>没有登记成功：{error.message}</Text>
        </View>
      ) : null}
      <View className="gz-actions">
        <ActionButton kind="secondary" testid="register-cancel" onClick={onClose}>
          取消
        </ActionButton>
        <ActionButton
          kind="primary"
          loading={submitting}
          loadingText="正在登记…"
          testid="register-submit"
          onClick={() => void submit()}
        >
          登记
        </ActionButton>
      </View>
    </View>
  )
}
