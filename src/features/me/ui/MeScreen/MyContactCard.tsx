import { useEffect } from 'react'
import type { Me } from '@/domain/auth'
import { ROUTES } from '@/services/routes'
import { ContactCard, useMyContacts } from '@/features/contacts'
import { go } from './go'

/** 联系户 on 我的: my household's contact, my households as a cadre, the committee's 联系户管理 (contacts' card). */
export function MyContactCard({ me, shownAt }: { me: Me; shownAt: number }) {
  const mine = useMyContacts(!!me.communityId)
  const { reload } = mine
  useEffect(() => {
    if (shownAt > 0) void reload({ silent: true })
  }, [shownAt, reload])
  return (
    <ContactCard
      mine={mine}
      committee={me.roles.includes('committee')}
      onOpen={(page) => go(page === 'overview' ? ROUTES.contactOverview : ROUTES.contactHouseholds)}
    />
  )
}
