import type { Clock, Logger, Notifier, OutboundMessage, UserRepo } from '../../shared/ports'
import { chinaStamp } from '@/domain/shared/chinaTime'
import { messagePage } from '@/domain/messages'
import { TOKEN_INVALID, wechatAccessToken, type AccessToken } from './accessToken'
import type { WechatConfig } from './code2Session'

/**
 * WeChat subscribe messages (订阅消息) as a second channel beside the in-app message centre.
 *
 * A template's fields are named by the template WeChat approved for the mini-program (thing1, time2, …), so
 * they are configured: WECHAT_SUBSCRIBE_TEMPLATE_ID and WECHAT_SUBSCRIBE_FIELDS, e.g.
 * "thing1=title,thing4=body,time3=at" (title/body/at of our message). The client asks for consent with
 * the same template id when a report is submitted (TARO_APP_SUBSCRIBE_TEMPLATE_IDS); without consent
 * WeChat answers 43101 and nothing is sent — that is normal and only counted, not logged as an error.
 *
 * What is sent is built here once (subscribeNotifier); only the transport differs: HTTPS with the access token
 * on the self-hosted server (wechatSubscribeNotifier), the cloud call in the cloud function (cloudOpenapi.ts).
 */
export interface SubscribeTemplate {
  id: string
  fields: Record<string, 'title' | 'body' | 'at'>
  /** formal | trial | developer */
  state: string
}

export function parseSubscribeFields(spec: string): SubscribeTemplate['fields'] {
  const fields: SubscribeTemplate['fields'] = {}
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim())
    if (!key || !/^[a-z_]+\d+$/.test(key) || (value !== 'title' && value !== 'body' && value !== 'at')) {
      throw new Error(`WECHAT_SUBSCRIBE_FIELDS: "${part}" is not <field>=title|body|at (e.g. thing1=title)`)
    }
    fields[key] = value
  }
  if (Object.keys(fields).length === 0) throw new Error('WECHAT_SUBSCRIBE_FIELDS is empty')
  return fields
}

/** WeChat's limits per field kind: thing ≤ 20 characters, time as 'YYYY-MM-DD HH:mm' (China time). */
export function fieldValue(key: string, message: OutboundMessage, kind: 'title' | 'body' | 'at'): string {
  if (kind === 'at' || key.startsWith('time') || key.startsWith('date')) {
    return chinaStamp(message.at)
  }
  const text = (kind === 'title' ? message.title : message.body).replace(/\s+/g, ' ').trim()
  const cps = [...text]
  const max = key.startsWith('thing') ? 20 : 32
  return cps.length > max ? cps.slice(0, max - 1).join('') + '…' : text || '-'
}

/** One subscribe message, whichever way it travels (the HTTPS body names the same things in snake_case). */
export interface SubscribeSend {
  touser: string
  templateId: string
  page: string
  miniprogramState: string
  lang: 'zh_CN'
  data: Record<string, { value: string }>
}

export function subscribeSendOf(template: SubscribeTemplate, message: OutboundMessage, openid: string): SubscribeSend {
  return {
    touser: openid,
    templateId: template.id,
    page: messagePage(message.target),
    miniprogramState: template.state,
    lang: 'zh_CN',
    data: Object.fromEntries(Object.entries(template.fields).map(([k, kind]) => [k, { value: fieldValue(k, message, kind) }])),
  }
}

/**
 * Sends one message; answers WeChat's errcode (0 sent, 43101 not subscribed, 47003 a bad field …). Throws only
 * when WeChat could not be asked (network, timeout).
 */
export type SubscribeTransport = (send: SubscribeSend) => Promise<{ errcode: number; errmsg?: string }>

export type SubscribeNotifier = Notifier & { refused: () => number }

/**
 * The channel over any transport: only people with a WeChat openid get one; 43101 (no consent left) is counted;
 * any other errcode or a failed send is logged. Nothing here throws: the change it announces is already committed.
 */
export function subscribeNotifier(
  template: SubscribeTemplate,
  transport: SubscribeTransport,
  deps: { users: Pick<UserRepo, 'get'>; log: Logger },
): SubscribeNotifier {
  let refused = 0

  async function deliver(message: OutboundMessage): Promise<void> {
    const user = await deps.users.get(message.userId)
    if (!user?.openid) return // roster-only residents and dev users have no WeChat
    const reply = await transport(subscribeSendOf(template, message, user.openid))
    if (reply.errcode === 43101) refused++
    else if (reply.errcode) deps.log.warn({ errcode: reply.errcode, errmsg: reply.errmsg }, 'subscribe message not sent')
  }

  return {
    async notify(messages) {
      for (const m of messages) {
        try {
          await deliver(m)
        } catch (err) {
          deps.log.warn({ err: String(err) }, 'subscribe message failed')
        }
      }
    },
    refused: () => refused,
  }
}

/**
 * The self-hosted server's channel: POST /cgi-bin/message/subscribe/send with the access token (replaced once when
 * expired); createDeps hands in the process's one token, shared with the other calls.
 */
export function wechatSubscribeNotifier(
  cfg: WechatConfig,
  template: SubscribeTemplate,
  deps: { clock: Clock; users: Pick<UserRepo, 'get'>; log: Logger; accessToken?: AccessToken },
): SubscribeNotifier {
  const accessToken = deps.accessToken ?? wechatAccessToken(cfg, deps.clock)

  async function post(send: SubscribeSend, token: string): Promise<{ errcode?: number; errmsg?: string }> {
    const url = new URL('/cgi-bin/message/subscribe/send', cfg.apiBase)
    url.search = new URLSearchParams({ access_token: token }).toString()
    const body = {
      touser: send.touser,
      template_id: send.templateId,
      page: send.page,
      miniprogram_state: send.miniprogramState,
      lang: send.lang,
      data: send.data,
    }
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(cfg.timeoutMs ?? 5000),
    })
    return (await res.json()) as { errcode?: number; errmsg?: string }
  }

  return subscribeNotifier(
    template,
    async (send) => {
      let reply = await post(send, await accessToken.get())
      if (reply.errcode && TOKEN_INVALID.has(reply.errcode)) {
        accessToken.drop()
        reply = await post(send, await accessToken.get(true))
      }
      return { errcode: reply.errcode ?? 0, errmsg: reply.errmsg }
    },
    deps,
  )
}
