import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { LinkRow } from '@/components/LinkRow'
import { Tag } from '@/components/Tag'
import { CADRE_TITLE_LABELS, type ContactMine } from '@/domain/contacts'
import type { Remote } from '../../common/useRemote'
import { isDue } from '../format'
import './contacts.scss'

interface Props {
  mine: Remote<ContactMine>
  /** the caller sits on the committee: the link to 联系户管理 */
  committee: boolean
  onOpen: (page: 'households' | 'overview') => void
}

/**
 * 我的联系人 on 我的: the party member or cadre who keeps in touch with my household (only what they publish), my
 * households when I am one, and the committee's 联系户管理. Nothing at all when none applies.
 */
export function ContactCard({ mine, committee, onOpen }: Props) {
  const d = mine.data
  const contact = d?.contact ?? null
  const cadre = d?.cadre ?? null
  if (!contact && !cadre && !committee) return null
  const due = cadre ? cadre.households.filter((h) => isDue(h.lastContactAt)).length : 0
  // a resident who is only that: the card is their contact (联系户 is the cadre's and the committee's word)
  const onlyMine = !!contact && !cadre && !committee
  return (
    <Card title={onlyMine ? '我家的联系人' : '联系户'} testid='contact-card'>
      {contact ? (
        <View className='contact-card__mine' data-testid='my-contact'>
          {onlyMine ? (
            <Text className='contact-card__label'>社区为您家安排的联系人</Text>
          ) : (
            <Text className='contact-card__label'>我家的联系人</Text>
          )}
          <View className='contact-card__who'>
            <Text className='contact-card__name' data-testid='my-contact-name'>
              {contact.name}
            </Text>
            <Tag tone='blue'>{CADRE_TITLE_LABELS[contact.title]}</Tag>
          </View>
          {contact.publicNote ? (
            <Text className='gz-muted' data-testid='my-contact-note'>
              {contact.publicNote}
            </Text>
          ) : null}
          {contact.phone ? (
            <ActionButton kind='secondary' testid='my-contact-call' onClick={() => void Promise.resolve(Taro.makePhoneCall({ phoneNumber: contact.phone as string })).catch(() => undefined)}>
              {`打电话 ${contact.phone}`}
            </ActionButton>
          ) : (
            <Text className='gz-muted' data-testid='my-contact-no-phone'>
              联系人没有公开电话，有事可以找社区或网格员。
            </Text>
          )}
        </View>
      ) : null}
      {cadre ? (
        <LinkRow
          label='我联系的住户'
          hint={`${cadre.households.length} 户${due ? `，${due} 户超过一个月没联系` : ''}；可记录联系、代为上报`}
          testid='link-contact-households'
          onClick={() => onOpen('households')}
        />
      ) : null}
      {committee ? (
        <LinkRow label='联系户管理' hint='给住户指派联系人，看谁还没有联系人' testid='link-contact-overview' onClick={() => onOpen('overview')} />
      ) : null}
    </Card>
  )
}
