// The in-app inbox as other features see it: how many are unread, as a badge.
export { badgeText, useUnreadMessages } from './useUnreadMessages'
