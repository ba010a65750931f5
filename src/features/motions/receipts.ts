import Taro from '@tarojs/taro'
import { RECEIPT_ALPHABET, RECEIPT_PATTERN } from '@/domain/motions'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { getSession } from '@/services/session'
import { readStorage, removeStorage, writeStorage } from '@/services/storage'

/**
 * The receipt of a ballot made on this device (motion.cast { receipt }, or the committee's motion.recordOffline
 * { receipt }): made from a cryptographically secure source and kept in local storage, keyed by the signed-in
 * user and the motion (and the resident, offline), BEFORE the write is sent, so a reply lost on a weak network
 * loses nothing: the next attempt sends the same receipt, and an ALREADY_VOTED reply is followed by
 * motion.verifyReceipt. The voter's own stays until they tap 我已记下; one the committee recorded for a resident
 * is deleted once handed over (登记下一位, or leaving the offline page).
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

/**
 * Where a receipt is kept: the signed-in user's own cast (motionId), or a ballot the committee records for a
 * resident (motionId + residentId) — one key each, so recorders on one phone and residents never mix.
 */
function keyOf(motionId: string, residentId?: string): string {
  const base = `gongzhi.receipt.${getSession()?.user.id ?? 'anonymous'}.${motionId}`
  return residentId ? `${base}.offline.${residentId}` : base
}

/** The receipt kept for this motion (and resident) on this device by this user, if any. */
export function keptReceipt(motionId: string, residentId?: string): string | null {
  const r = readStorage<string>(keyOf(motionId, residentId))
  return typeof r === 'string' && RECEIPT_PATTERN.test(r) ? r : null
}

export function keepReceipt(motionId: string, receipt: string, residentId?: string): boolean {
  return writeStorage(keyOf(motionId, residentId), receipt)
}

export function forgetReceipt(motionId: string, residentId?: string): void {
  removeStorage(keyOf(motionId, residentId))
}

/** Refusals after which the kept receipt may be in the box (the outcome is unknown, or it is the one counted): kept. */
const KEEP_ON = new Set(['NETWORK', 'UNAVAILABLE', 'INTERNAL', 'ALREADY_VOTED', 'UNAUTHENTICATED'])

/**
 * One write (motion.cast, motion.recordOffline) with the device's receipt: the kept one if an earlier attempt's
 * reply was lost, else a new one, kept BEFORE sending. A refusal that wrote nothing under it deletes it; others
 * (lost reply, ALREADY_VOTED) keep it for recoverKept. Rethrows the refusal.
 */
export async function sendWithReceipt<R>(
  motionId: string,
  residentId: string | undefined,
  send: (receipt: { receipt?: string }) => Promise<R>,
): Promise<R> {
  const receipt = keptReceipt(motionId, residentId) ?? (await newDeviceReceipt())
  if (receipt) keepReceipt(motionId, receipt, residentId)
  try {
    return await send(receipt ? { receipt } : {})
  } catch (e) {
    const err = toApiError(e)
    if (!KEEP_ON.has(err.code)) forgetReceipt(motionId, residentId)
    throw err
  }
}

export type Recovery =
  /** the kept receipt is a ballot in the box (before close: nothing about its choice) */
  | { kind: 'counted'; receipt: string }
  /** nothing kept on this device */
  | { kind: 'notKept' }
  /** kept, but not in the box: the vote was cast elsewhere; the kept one is deleted */
  | { kind: 'elsewhere' }
  /** kept, and could not be checked now: it stays kept */
  | { kind: 'unchecked'; error: ApiError }

/** After ALREADY_VOTED (or a later visit): is the kept receipt the one counted? motion.verifyReceipt says. */
export async function recoverKept(motionId: string, residentId?: string): Promise<Recovery> {
  const kept = keptReceipt(motionId, residentId)
  if (!kept) return { kind: 'notKept' }
  try {
    const r = await callApi('motion.verifyReceipt', { id: motionId, receipt: kept })
    if (r.counted) return { kind: 'counted', receipt: kept }
    forgetReceipt(motionId, residentId)
    return { kind: 'elsewhere' }
  } catch (e) {
    return { kind: 'unchecked', error: toApiError(e) }
  }
}
