import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import type { ShiftDetail } from '@/domain/patrols'
import { checkinWindow } from '@/domain/patrols/rules'
import { clockText, hoursText } from '../format'
import { openLocationSettings } from '@/features/media'
import type { ShiftAction, ShiftHandle } from '../useShift'

interface Props {
  shift: ShiftDetail
  handle: ShiftHandle
  onIncident: () => void
}

/** What a volunteer does on the shift, by where they stand: sign up / waitlist / withdraw / check in / log / check out. */
export function VolunteerActions({ shift: s, handle, onIncident }: Props) {
  const status = s.myStatus?.status ?? null
  const errorFor = (a: ShiftAction) => (handle.actionError?.action === a ? handle.actionError.error.message : null)
  return (
    <Card title='我的报名' testid='volunteer-actions'>
      {handle.notice ? (
        <View className='gz-banner gz-banner--ok' data-testid='shift-notice'>
          <Text>{handle.notice}</Text>
        </View>
      ) : null}
      <View className='shift-detail__actions'>
        {status === null ? <SignupPart shift={s} handle={handle} error={errorFor('signup')} /> : null}
        {status === 'confirmed' && s.status === 'scheduled' && s.phase !== 'ended' ? <CheckinPart shift={s} handle={handle} /> : null}
        {status === 'waitlisted' || status === 'confirmed' ? <WithdrawPart shift={s} handle={handle} error={errorFor('withdraw')} /> : null}
        {status === 'checkedIn' ? <OnPatrolPart shift={s} handle={handle} onIncident={onIncident} logError={errorFor('log')} checkoutError={errorFor('checkout')} /> : null}
        {status === 'checkedOut' && s.my ? (
          <View className='shift-detail__state' data-testid='shift-done'>
            <Text className='shift-detail__big'>本次巡逻 {s.my.hours != null ? hoursText(s.my.hours) : '—'}</Text>
            <Text className='shift-detail__hint'>
              {s.my.checkinAt ? `签到 ${clockText(s.my.checkinAt)}` : ''}
              {s.my.checkoutAt ? `，签退 ${clockText(s.my.checkoutAt)}` : ''}
              {s.my.autoCheckout ? '（没有签退，已按结束时间自动签退）' : ''}
            </Text>
            <Text className='shift-detail__hint'>感谢您守护邻里平安！</Text>
          </View>
        ) : null}
        {status === 'noShow' ? (
          <View className='shift-detail__state' data-testid='shift-noshow'>
            <Text className='shift-detail__big shift-detail__big--red'>未到岗</Text>
            <Text className='shift-detail__hint'>您报名了这次巡逻，但到结束时没有签到。以后不能参加时，请在开始前 2 小时前取消报名，好让候补的邻居顶上。</Text>
          </View>
        ) : null}
      </View>
    </Card>
  )
}

function SignupPart({ shift: s, handle, error }: { shift: ShiftDetail; handle: ShiftHandle; error: string | null }) {
  if (s.status === 'cancelled') return null
  if (!s.can.signup) {
    return <Text className='shift-detail__hint'>{s.phase === 'upcoming' ? '现在不能报名这个班次。' : '巡逻已开始或已结束，不能再报名。'}</Text>
  }
  const full = s.seatsLeft === 0
  return (
    <View className='shift-detail__state'>
      <Text className='shift-detail__hint' data-testid='signup-hint'>
        {full
          ? `名额已满，可以加入候补（现有 ${s.waitlistLength} 人候补）。有人取消时按先后顺序递补，递补成功会发消息通知您。`
          : `还有 ${s.seatsLeft} 个名额。开始前 2 小时（${clockText(s.withdrawCutoffAt)}）前可以取消。`}
      </Text>
      <ActionButton kind='primary' size='large' block testid='shift-signup' loading={handle.busy === 'signup'} loadingText='正在报名…' onClick={() => void handle.signup()}>
        {full ? '加入候补' : '报名'}
      </ActionButton>
      {error ? <ErrorText testid='signup-error' text={error} /> : null}
    </View>
  )
}

function WithdrawPart({ shift: s, handle, error }: { shift: ShiftDetail; handle: ShiftHandle; error: string | null }) {
  const [confirming, setConfirming] = useState(false)
  const waitlisted = s.myStatus?.status === 'waitlisted'
  if (s.status === 'cancelled') return null
  const position = waitlisted ? (
    <Text className='shift-detail__big' data-testid='waitlist-position'>
      候补第 {s.myStatus?.position ?? '?'} 位
    </Text>
  ) : null
  if (!s.can.withdraw) {
    return (
      <View className='shift-detail__state'>
        {position}
        <Text className='shift-detail__hint' data-testid='withdraw-closed'>
          {`已过取消截止时间（${clockText(s.withdrawCutoffAt)}，开始前 2 小时），不能再取消${waitlisted ? '候补' : '报名'}。如有急事不能来，请联系社区。`}
        </Text>
      </View>
    )
  }
  return (
    <View className='shift-detail__state'>
      {position}
      <Text className='shift-detail__hint' data-testid='withdraw-hint'>
        {waitlisted
          ? '前面有人取消时按顺序递补，递补成功会发消息通知您。'
          : `不能来了请在 ${clockText(s.withdrawCutoffAt)}（开始前 2 小时）前取消，名额会让给候补的邻居。`}
      </Text>
      {confirming ? (
        <View className='shift-detail__row'>
          <ActionButton kind='secondary' testid='withdraw-keep' onClick={() => setConfirming(false)}>
            不取消
          </ActionButton>
          <ActionButton kind='destructive' testid='withdraw-confirm' loading={handle.busy === 'withdraw'} loadingText='正在取消…' onClick={() => void handle.withdraw().then(() => setConfirming(false))}>
            确定取消
          </ActionButton>
        </View>
      ) : (
        <ActionButton kind='danger' block testid='shift-withdraw' onClick={() => setConfirming(true)}>
          {waitlisted ? '退出候补' : '取消报名'}
        </ActionButton>
      )}
      {error ? <ErrorText testid='withdraw-error' text={error} /> : null}
    </View>
  )
}

function CheckinPart({ shift: s, handle }: { shift: ShiftDetail; handle: ShiftHandle }) {
  const r = handle.refusal
  // by the phone's clock only (it may be slow): a hint, not a refusal; the tap still asks the server
  const earlyHere = !s.can.checkin && checkinWindow(s, new Date().toISOString()) === 'early'
  return (
    <View className='shift-detail__state'>
      <Text className='shift-detail__hint'>
        {`到了集合地点再签到：${clockText(s.checkinOpensAt)} 开放，须在中心 ${s.area.radius} 米范围内。签到会读取您手机现在的位置。`}
      </Text>
      {earlyHere && !r ? (
        <Text className='shift-detail__hint' data-testid='checkin-early-hint'>
          {`按手机上的时间，签到还没开放（${clockText(s.checkinOpensAt)} 开放）。如果您已经到了，也可以点“签到”试试。`}
        </Text>
      ) : null}
      <ActionButton kind='primary' size='large' block testid='shift-checkin' loading={handle.busy === 'checkin'} loadingText='正在定位并签到…' onClick={() => void handle.checkin()}>
        签到
      </ActionButton>
      {r ? (
        <View className='gz-banner gz-banner--error shift-detail__refusal' data-testid='checkin-refusal' data-kind={r.kind}>
          <Text className='shift-detail__refusal-title' data-testid='checkin-refusal-title'>
            {r.title}
          </Text>
          <Text data-testid='checkin-refusal-text'>{r.text}</Text>
          {r.kind === 'denied' && process.env.TARO_ENV === 'weapp' ? (
            <ActionButton kind='secondary' testid='open-settings' onClick={openLocationSettings}>
              去开启位置权限
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}

function OnPatrolPart({
  shift: s,
  handle,
  onIncident,
  logError,
  checkoutError,
}: {
  shift: ShiftDetail
  handle: ShiftHandle
  onIncident: () => void
  logError: string | null
  checkoutError: string | null
}) {
  const [note, setNote] = useState('')
  // on success the view reloads (useShift), and the note shows in 我的巡逻记录
  const log = async () => {
    const r = await handle.log(note)
    if (r.ok) setNote('')
  }
  return (
    <View className='shift-detail__state'>
      <Text className='shift-detail__big shift-detail__big--green' data-testid='checked-in'>
        已签到{s.my?.checkinAt ? ` ${clockText(s.my.checkinAt)}` : ''}
      </Text>
      <Text className='shift-detail__hint'>巡逻结束时请点“签退”，忘了签退会在 {clockText(s.endAt)} 自动签退。</Text>
      {s.can.log ? (
        <>
          <ActionButton kind='primary' size='large' block testid='shift-incident' onClick={onIncident}>
            发现隐患，上报随手拍
          </ActionButton>
          <Text className='shift-detail__label'>巡逻记录</Text>
          <Textarea
            className='gz-textarea'
            value={note}
            maxlength={500}
            placeholder='例如：3 号楼后门未关，已提醒物业'
            onInput={(e) => setNote(e.detail.value)}
            data-testid='log-note'
          />
          <ActionButton kind='secondary' block testid='log-submit' loading={handle.busy === 'log'} loadingText='正在记录…' onClick={() => void log()}>
            记录
          </ActionButton>
          {logError ? <ErrorText testid='log-error' text={logError} /> : null}
        </>
      ) : null}
      <ActionButton kind='secondary' size='large' block testid='shift-checkout' loading={handle.busy === 'checkout'} loadingText='正在签退…' onClick={() => void handle.checkout()}>
        签退
      </ActionButton>
      {checkoutError ? <ErrorText testid='checkout-error' text={checkoutError} /> : null}
    </View>
  )
}

function ErrorText({ text, testid }: { text: string; testid: string }) {
  return (
    <Text className='shift-detail__error' data-testid={testid}>
      {text}
    </Text>
  )
}
