import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { MemberView } from '@/domain/members'
import { ROLE_LABELS, isStaff, type Role } from '@/domain/shared/roles'
import { ActionButton } from '@/components/ActionButton'
import { ChoiceChips } from '@/components/ChoiceChips'
import { PagedList } from '@/components/PagedList'
import { Tag } from '@/components/Tag'
import { useCommunity } from '@/features/community'
import { useAssignGrids, useMembers, type MemberRoleFilter } from '../useMembers'
import '../../../components/workspace.scss'
import './MembersScreen.scss'

const ROLE_FILTERS: { value: MemberRoleFilter | 'all'; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'resident', label: '居民' },
  { value: 'volunteer', label: '志愿者' },
  { value: 'gridWorker', label: '网格员' },
  { value: 'committee', label: '工作人员' },
]

/** 人员与网格员: find people by role or name/phone; assign 网格员 grids. */
export function MembersScreen() {
  const [role, setRole] = useState<MemberRoleFilter>('')
  const [typed, setTyped] = useState('')
  const [query, setQuery] = useState('')
  const list = useMembers(role, query)
  const [openId, setOpenId] = useState<string | null>(null)

  return (
    <View className='gz-page workspace members'>
      <View className='workspace__filter'>
        <ChoiceChips<MemberRoleFilter | 'all'>
          options={ROLE_FILTERS}
          value={role || 'all'}
          onChange={(v) => setRole(v === 'all' ? '' : v)}
          testidPrefix='member-role'
        />
        <View className='workspace__search'>
          <Input
            className='gz-input workspace__search-input'
            value={typed}
            maxlength={20}
            placeholder='姓名或手机号'
            confirmType='search'
            onInput={(e) => setTyped(e.detail.value)}
            onConfirm={() => setQuery(typed)}
            data-testid='member-search'
          />
          <ActionButton kind='secondary' testid='member-search-submit' onClick={() => setQuery(typed)}>
            搜索
          </ActionButton>
        </View>
      </View>
      <PagedList
        list={list}
        refreshError='footer'
        emptyText={query ? `没有找到“${query}”` : '这里还没有人员'}
        emptyHint={query ? '换个姓名或手机号再试。' : '居民登录并认证后，会显示在这里。'}
      >
        <View className='workspace__list' data-testid='member-list'>
          {list.items.map((m) => (
            <MemberRow
              key={m.id}
              m={m}
              open={openId === m.id}
              onOpen={() => setOpenId(m.id)}
              onClose={() => setOpenId(null)}
              onSaved={(next) => {
                list.update(m.id, () => next)
                setOpenId(null)
              }}
            />
          ))}
        </View>
      </PagedList>
    </View>
  )
}

function MemberRow({
  m,
  open,
  onOpen,
  onClose,
  onSaved,
}: {
  m: MemberView
  open: boolean
  onOpen: () => void
  onClose: () => void
  onSaved: (m: MemberView) => void
}) {
  return (
    <View className='workspace__item' data-testid='member-row' data-id={m.id}>
      <View className='workspace__item-head'>
        <Text className='workspace__item-title'>{m.name}</Text>
        <View className='workspace__tags'>
          {m.roles.map((r) => (
            <Tag key={r} tone='blue'>
              {ROLE_LABELS[r as Role] ?? r}
            </Tag>
          ))}
          {m.verified ? <Tag tone='green'>已认证住户</Tag> : isStaff(m.roles as Role[]) ? null : <Tag tone='grey'>未认证</Tag>}
          {m.rosterOnly ? <Tag tone='purple'>代登记</Tag> : null}
        </View>
      </View>
      <View className='workspace__facts'>
        <Text className='workspace__line'>电话：{m.phone ?? '未填写'}</Text>
        {m.gridName || !isStaff(m.roles as Role[]) ? <Text className='workspace__line'>所在网格：{m.gridName ?? '未分配'}</Text> : null}
        <Text className='workspace__line' data-testid='member-grids'>
          {m.grids.length ? `网格员：负责 ${m.grids.map((g) => g.name).join('、')}` : '不是网格员'}
        </Text>
      </View>
      {open ? (
        <AssignGrids m={m} onClose={onClose} onSaved={onSaved} />
      ) : m.rosterOnly ? null : (
        <ActionButton kind='secondary' block testid='member-assign' onClick={onOpen}>
          {m.grids.length ? '修改负责网格' : '设为网格员'}
        </ActionButton>
      )}
    </View>
  )
}

function AssignGrids({ m, onClose, onSaved }: { m: MemberView; onClose: () => void; onSaved: (m: MemberView) => void }) {
  const community = useCommunity()
  const [picked, setPicked] = useState<string[]>(() => m.grids.map((g) => g.id))
  const { assign, submitting, error } = useAssignGrids()
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))

  const save = async () => {
    const sent = await assign({ userId: m.id, gridIds: picked })
    if (sent.ok) onSaved(sent.data)
  }

  return (
    <View className='workspace__assign' data-testid='assign-grids'>
      <Text className='workspace__text'>勾选 {m.name} 负责的网格。一个都不勾，就是不再担任网格员。</Text>
      {community.status === 'loading' ? <Text className='gz-muted'>正在加载网格…</Text> : null}
      {community.status === 'error' ? (
        <View className='workspace__inline-error'>
          <Text>网格没有加载出来：{community.error?.message}</Text>
          <ActionButton kind='plain' onClick={() => void community.reload()}>
            重试
          </ActionButton>
        </View>
      ) : null}
      <View className='workspace__checks'>
        {(community.data?.grids ?? []).map((g) => {
          const on = picked.includes(g.id)
          return (
            <View
              key={g.id}
              className={`workspace__check${on ? ' workspace__check--on' : ''}`}
              role='checkbox'
              aria-checked={on ? 'true' : 'false'}
              data-testid={`assign-grid-${g.id}`}
              onClick={() => toggle(g.id)}
            >
              <Text className='workspace__check-box'>{on ? '✓' : ''}</Text>
              <Text className='workspace__check-label'>{g.name}</Text>
              <Text className='workspace__check-word'>{on ? '负责' : '不负责'}</Text>
            </View>
          )
        })}
      </View>
      {error ? (
        <View className='gz-banner gz-banner--error' data-testid='assign-error'>
          <Text>没有保存成功：{error.message}</Text>
        </View>
      ) : null}
      <View className='gz-actions'>
        <ActionButton kind='secondary' testid='assign-cancel' onClick={onClose}>
          取消
        </ActionButton>
        <ActionButton kind='primary' loading={submitting} loadingText='正在保存…' testid='assign-save' onClick={() => void save()}>
          保存
        </ActionButton>
      </View>
    </View>
  )
}
