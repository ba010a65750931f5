import Taro from '@tarojs/taro'

/**
 * WeChat's privacy authorisation (基础库 ≥ 2.32.3): when a privacy interface (getLocation, chooseLocation,
 * chooseImage, the phone-number button, chooseMessageFile…) is used before the person agreed to the
 * 隐私保护指引, WeChat holds the call and fires onNeedPrivacyAuthorization. Our sheet (PrivacyConsent) then
 * asks; 同意 is the agreePrivacyAuthorization button and resolves `agree` (the held call goes on), 不同意
 * resolves `disagree` (the held call fails with "privacy permission is not authorized": the flows already
 * fall back, e.g. the 随手拍 form offers the grid picker).
 *
 * The listener is registered once at app start (src/app.ts); the sheets mounted in pages subscribe here.
 * Several pages may hold a sheet (a tab and the page pushed over it): only the one shown last answers.
 */

export type PrivacyEvent = 'agree' | 'disagree' | 'exposureAuthorization'
export type PrivacyResolve = (option: { event: PrivacyEvent; buttonId?: string }) => void

/** The id of the agreePrivacyAuthorization button; WeChat checks that this button was tapped. */
export const AGREE_BUTTON_ID = 'gz-privacy-agree'

export interface PrivacyRequest {
  /** the interface or component waiting, e.g. "chooseLocation", "button.getPhoneNumber" */
  referrer?: string
}

type Listener = (resolve: PrivacyResolve, eventInfo?: { referrer?: string }) => void
/** Only what we call on Taro: typed narrowly, present on weapp with a recent base library only. */
interface PrivacyApi {
  onNeedPrivacyAuthorization?: (listener: Listener) => void
  openPrivacyContract?: (option?: { fail?: (e: unknown) => void }) => void
}

interface Pending {
  resolve: PrivacyResolve
  referrer?: string
}

let pending: Pending[] = []
/** subscribers in the order their page was last shown; the last one shows the sheet */
let subscribers: { id: number; notify: (req: PrivacyRequest | null) => void }[] = []
let nextId = 1
let registered = false

function current(): PrivacyRequest | null {
  return pending.length ? { referrer: pending[pending.length - 1].referrer } : null
}

function publish() {
  const req = current()
  const top = subscribers[subscribers.length - 1]
  for (const s of subscribers) s.notify(s === top ? req : null)
}

function onNeed(resolve: PrivacyResolve, eventInfo?: { referrer?: string }) {
  pending.push({ resolve, referrer: eventInfo?.referrer })
  publish()
}

/**
 * App start: take over WeChat's privacy prompt with our sheet. Does nothing off weapp or where the base
 * library has no privacy API (older clients do not hold privacy calls at all). Returns whether it registered.
 */
export function registerPrivacyListener(api: PrivacyApi = Taro as unknown as PrivacyApi): boolean {
  if (process.env.TARO_ENV !== 'weapp' || registered) return registered
  if (typeof api.onNeedPrivacyAuthorization !== 'function') return false
  api.onNeedPrivacyAuthorization(onNeed)
  registered = true
  return true
}

/** A sheet subscribes while its page is shown; `raise` moves it to the top when its page is shown again. */
export function subscribePrivacy(notify: (req: PrivacyRequest | null) => void): {
  raise: () => void
  leave: () => void
} {
  const entry = { id: nextId++, notify }
  subscribers.push(entry)
  publish()
  return {
    raise() {
      subscribers = [...subscribers.filter((s) => s.id !== entry.id), entry]
      publish()
    },
    leave() {
      subscribers = subscribers.filter((s) => s.id !== entry.id)
      publish()
    },
  }
}

/** Tell WeChat the sheet is on screen (optional per the docs; once per request). */
export function reportExposure() {
  const last = pending[pending.length - 1]
  try {
    last?.resolve({ event: 'exposureAuthorization' })
  } catch {
    // an old base library may not know the event: the prompt works without it
  }
}

/**
 * The person answered. Agreement covers every held call (the guide is agreed once); so does a refusal.
 * `agree` must come after the agreePrivacyAuthorization button's event (WeChat checks the button id).
 */
export function answerPrivacy(event: 'agree' | 'disagree') {
  const held = pending
  pending = []
  for (const p of held) {
    try {
      p.resolve(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event })
    } catch {
      // a resolve that throws must not keep the others waiting
    }
  }
  publish()
}

/** WeChat's own page of the guide declared in the admin console (weapp only, where available). */
export function openWechatPrivacyContract(api: PrivacyApi = Taro as unknown as PrivacyApi): boolean {
  if (process.env.TARO_ENV !== 'weapp' || typeof api.openPrivacyContract !== 'function') return false
  api.openPrivacyContract({ fail: () => undefined })
  return true
}

/** What the pending WeChat privacy interface is about to use, in words; by its referrer (eventInfo.referrer). */
export function privacyUseText(referrer: string | undefined): string {
  const r = referrer ?? ''
  if (/location/i.test(r)) return '您的位置（用于标注问题所在地点）'
  if (/image|media|camera|album|photo/i.test(r)) return '相册或相机（用于给问题拍照）'
  if (/phone/i.test(r)) return '您的微信手机号（用于社区联系您）'
  if (/messagefile|file/i.test(r)) return '您从聊天中选择的文件（用于导入花名册）'
  return '您的个人信息'
}

/** Tests only: forget registrations, held calls and sheets. */
export function resetPrivacyForTests() {
  pending = []
  subscribers = []
  registered = false
}
