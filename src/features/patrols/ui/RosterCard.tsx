import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { Dialog } from '@nutui/nutui-react-taro'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag, type TagTone } from '@/components/Tag'
import { SIGNUP_STATUS_LABELS, type ShiftDetail, type ShiftRosterEntry } from '@/domain/patrols'
import { clockText, hoursText } from '../format'
import type { ShiftHandle } from '../useShift'

const TONES: Record<ShiftRosterEntry['status'], TagTone> = {
  confirmed: 'blue',
  waitlisted: 'amber',
  checkedIn: 'green',
  checkedOut: 'green',
  noShow: 'red',
}

function entryStatus(e: ShiftRosterEntry): string {
  return e.status === 'waitlisted' ? `候补第 ${e.position ?? '?'} 位` : SIGNUP_STATUS_LABELS[e.status]
}

function entryDetail(e: ShiftRosterEntry): string {
  const parts: string[] = []
  if (e.checkinAt) parts.push(`签到 ${clockText(e.checkinAt).slice(-5)}`)
  if (e.checkoutAt) parts.push(`签退 ${clockText(e.checkoutAt).slice(-5)}`)
  if (e.hours != null) parts.push(hoursText(e.hours))
  return parts.join(' · ')
}

/** The committee's view: who is on the shift and how far they got; 取消巡逻 with a reason everyone is told. */
export function RosterCard({ shift: s, handle }: { shift: ShiftDetail; handle: ShiftHandle }) {
  const seated = s.roster.filter((e) => e.status !== 'waitlisted')
  const waiting = s.roster.filter((e) => e.status === 'waitlisted')
  return (
    <>
      <Card title={`报名名单（${seated.length}/${s.capacity} 人${waiting.length ? `，候补 ${waiting.length} 人` : ''}）`} testid='shift-roster'>
        {s.roster.length === 0 ? <Text className='shift-detail__hint'>还没有志愿者报名。</Text> : null}
        {s.roster.map((e, i) => (
          <View key={`${e.name}-${i}`} className='shift-detail__roster-row' data-testid='roster-row'>
            <View className='shift-detail__roster-who'>
              <Text className='shift-detail__roster-name'>{e.name}</Text>
              {entryDetail(e) ? <Text className='shift-detail__hint'>{entryDetail(e)}</Text> : null}
            </View>
            <Tag tone={TONES[e.status]} testid='roster-status'>
              {entryStatus(e)}
            </Tag>
          </View>
        ))}
      </Card>
      {s.can.cancel ? <CancelCard handle={handle} signedUp={s.roster.length} /> : null}
    </>
  )
}

function CancelCard({ handle, signedUp }: { handle: ShiftHandle; signedUp: number }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState(false)
  const error = handle.actionError?.action === 'cancel' ? handle.actionError.error.message : null
  const confirm = async () => {
    if (!reason.trim()) {
      setMissing(true)
      return
    }
    const r = await handle.cancel(reason.trim())
    if (r.ok) setOpen(false)
  }
  return (
    <Card title='取消这次巡逻' testid='shift-cancel-card'>
      <Text className='shift-detail__hint'>天气、人手等原因不能巡逻时取消，{signedUp ? `已报名的 ${signedUp} 位志愿者` : '报名的志愿者'}会收到消息。</Text>
      <ActionButton kind='danger' block testid='shift-cancel' onClick={() => setOpen(true)}>
        取消巡逻
      </ActionButton>
      <Dialog
        visible={open}
        title='取消这次巡逻？'
        content={
          <View data-testid='cancel-dialog'>
            <Text className='shift-detail__hint'>取消后不能恢复。请写明原因，会发给每位报名的志愿者。</Text>
            <Textarea
              className='gz-textarea shift-detail__input'
              value={reason}
              maxlength={200}
              placeholder='例如：明天有暴雨，巡逻改期'
              onInput={(e) => {
                setReason(e.detail.value)
                setMissing(false)
              }}
              data-testid='cancel-reason'
            />
            {missing ? <Text className='shift-detail__error' data-testid='cancel-missing'>请填写取消原因</Text> : null}
            {error ? <Text className='shift-detail__error' data-testid='cancel-error'>{error}</Text> : null}
          </View>
        }
        footer={
          <View className='shift-detail__row'>
            <ActionButton kind='secondary' testid='cancel-keep' onClick={() => setOpen(false)}>
              不取消
            </ActionButton>
            <ActionButton kind='destructive' testid='cancel-confirm' loading={handle.busy === 'cancel'} loadingText='正在取消…' onClick={() => void confirm()}>
              确定取消
            </ActionButton>
          </View>
        }
        onClose={() => setOpen(false)}
      />
    </Card>
  )
}
