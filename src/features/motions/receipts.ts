import Taro from '@tarojs/taro'
import { RECEIPT_ALPHABET, RECEIPT_PATTERN } from '@/domain/motion'
import { getSession } from '@/services/session'
import { readStorage, removeStorage, writeStorage } from '@/services/storage'

/**
 * The voter's own receipt (motion.cast { receipt }): made on this device from a cryptographically secure
 * source and kept in local storage, keyed by the signed-in user and the motion, BEFORE the cast is sent, so a
 * reply lost on a weak network loses nothing: the next attempt sends the same receipt, and an ALREADY_VOTED
 * reply is followed by motion.verifyReceipt. It is deleted once the person has seen it.
 */

type RandomBytes = (n: number) => Promise<Uint8Array | null>

/** Secure random bytes: Web Crypto (H5, jsdom), else wx.getRandomValues through Taro (weapp); null: no secure source. */
export const secureRandomBytes: RandomBytes = async (n) => {
  // not `globalThis.crypto`: old weapp base libraries have no globalThis
  const webCrypto = typeof crypto !== 'undefined' ? crypto : undefined
  if (webCrypto && typeof webCrypto.getRandomValues === 'function') return webCrypto.getRandomValues(new Uint8Array(n))
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getRandomValues !== 'function') return null
  try {
    const res = await Taro.getRandomValues({ length: n })
    const bytes = new Uint8Array(res.randomValues)
    return bytes.length === n ? bytes : null
  } catch {
    return null // base library before 2.15.0, or the call failed
  }
}

/** The largest multiple of the alphabet's size within a byte: bytes at or above it are dropped (no modulo bias). */
const LIMIT = Math.floor(256 / RECEIPT_ALPHABET.length) * RECEIPT_ALPHABET.length

/**
 * A new receipt ABCD-EFGH-JKMN-PQRS from secure random bytes, or null when there is no secure source (the cast
 * then goes without one and the server makes it, as before). Never Math.random.
 */
export async function newDeviceReceipt(random: RandomBytes = secureRandomBytes): Promise<string | null> {
  const chars: string[] = []
  for (let round = 0; chars.length < 16 && round < 8; round++) {
    const bytes = await random(32)
    if (!bytes) return null
    for (const b of bytes) if (b < LIMIT && chars.length < 16) chars.push(RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]!)
  }
  if (chars.length < 16) return null
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-')
}

function keyOf(motionId: string): string {
  return `gongzhi.receipt.${getSession()?.user.id ?? 'anonymous'}.${motionId}`
}

/** The receipt kept for this motion on this device (by this user), if any. */
export function keptReceipt(motionId: string): string | null {
  const r = readStorage<string>(keyOf(motionId))
  return typeof r === 'string' && RECEIPT_PATTERN.test(r) ? r : null
}

export function keepReceipt(motionId: string, receipt: string): boolean {
  return writeStorage(keyOf(motionId), receipt)
}

export function forgetReceipt(motionId: string): void {
  removeStorage(keyOf(motionId))
}
