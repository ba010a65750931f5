// What other features may use of sign-in: the session, the signed-in person, signing out, the phone editor.
export { hasRole, useMe, useSession } from './useSession'
export { goHome, logout } from './login'
export { PhoneEditor } from './ui/PhoneEditor'
