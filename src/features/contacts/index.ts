// 联系户 as other features see it: the card on 我的 and the hook that feeds it.
export { ContactCard } from './ui/ContactCard'
export { useMyContacts } from './useContacts'
