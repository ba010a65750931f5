import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Me } from '@/domain/auth'
import { maskPhone } from '@/domain/shared/mask'
import { ActionButton } from '@/components/ActionButton'
import { PhoneEditor } from '@/features/auth'

/** Phones arrive masked for most callers; mask again only what is still whole. */
function phoneText(phone: string | null): string {
  if (!phone) return '未填写'
  return phone.includes('*') ? phone : maskPhone(phone)
}

export function PhoneRow({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [editing, setEditing] = useState(false)
  return (
    <View className='me-screen__row me-screen__row--phone'>
      <View className='me-screen__row-main'>
        <Text className='me-screen__label'>手机号</Text>
        <View className='me-screen__row-end'>
          <Text className='me-screen__value' data-testid='me-phone'>
            {phoneText(me.phone)}
          </Text>
          {editing ? null : (
            <ActionButton kind='secondary' testid='phone-edit' onClick={() => setEditing(true)}>
              {me.phone ? '修改' : '填写'}
            </ActionButton>
          )}
        </View>
      </View>
      {editing ? <PhoneEditor hasPhone={!!me.phone} onSaved={onSaved} onClose={() => setEditing(false)} /> : null}
    </View>
  )
}

export function Row({ label, value, testid }: { label: string; value: string; testid: string }) {
  return (
    <View className='me-screen__row'>
      <Text className='me-screen__label'>{label}</Text>
      <Text className='me-screen__value' data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}
