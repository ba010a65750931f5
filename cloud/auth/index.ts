/** The public entry of auth: what the doors and the composition use (other features use none of it). */
export { userForOpenid } from './signInWithWechat'
export { createTokens, resolveSecret, type Tokens } from './tokens'
export type { AuthStore, WechatAuth, WechatPhone } from './ports'
