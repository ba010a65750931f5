import type { ContentCheck, ContentScene, ContentVerdict, Logger, UserRepo } from '../../shared/ports'

/**
 * WeChat's text check, msgSecCheck v2 (security.msgSecCheck): one adapter of the ContentCheck port, two
 * transports behind it — HTTPS with the mini-program's access token (self-hosted, ./msgSecCheckHttp.ts) and the
 * cloud function's openapi (./msgSecCheckCloud.ts). verdictOf is the one place an answer becomes a verdict.
 */
export interface MsgSecCheckRequest {
  openid: string
  /** 1 资料, 2 评论, 3 论坛, 4 社交日志 */
  scene: 1 | 2 | 3 | 4
  content: string
}

/** WeChat's answer as the HTTPS API spells it (the cloud transport maps errCode → errcode). */
export interface MsgSecCheckReply {
  errcode?: number
  errmsg?: string
  result?: { suggest?: unknown; label?: unknown }
}

/** One call to WeChat (`version: 2` added by the transport); throws when no answer came (network, token, timeout). */
export type MsgSecCheckTransport = (req: MsgSecCheckRequest) => Promise<MsgSecCheckReply>

/** Our scenes in WeChat's terms: names 资料, comments 评论, notices and reports 论坛 (posts to a community board). */
export const WECHAT_SCENES: Record<ContentScene, MsgSecCheckRequest['scene']> = { profile: 1, comment: 2, notice: 3, report: 3 }

/** WeChat checks at most 2,500 characters per call; longer text is checked in overlapping pieces. */
export const CONTENT_LIMIT = 2500
/** characters repeated at the start of the next piece, so that a word cut at a boundary is still seen whole */
export const PIECE_OVERLAP = 32

/** The labels of result.label (WeChat's table), for the audit trail of a flagged notice. */
const LABELS: Record<number, string> = {
  100: '正常',
  10001: '广告',
  20001: '时政',
  20002: '色情',
  20003: '辱骂',
  20006: '违法犯罪',
  20008: '欺诈',
  20012: '低俗',
  20013: '版权',
  21000: '其他',
}

/**
 * The verdict of one answer. WeChat decides on result.suggest (errcode 0 is an answer that may still be risky);
 * an errcode other than 0 (43101, 47003, 61010 the user has not opened the mini-program for two hours, -1 busy …)
 * or an answer without a known suggest is `unavailable`, never a pass.
 */
export function verdictOf(reply: MsgSecCheckReply): ContentVerdict {
  if (reply.errcode !== undefined && reply.errcode !== 0) {
    return { suggest: 'unavailable', reason: `errcode ${reply.errcode}${reply.errmsg ? ` ${reply.errmsg}` : ''}` }
  }
  const suggest = reply.result?.suggest
  if (suggest === 'pass') return { suggest }
  if (suggest === 'review' || suggest === 'risky') {
    const code = Number(reply.result?.label)
    return Number.isFinite(code) ? { suggest, label: `${LABELS[code] ?? '其他'}（${code}）` } : { suggest }
  }
  return { suggest: 'unavailable', reason: 'no result.suggest in the answer' }
}

const RANK: Record<ContentVerdict['suggest'], number> = { pass: 0, review: 1, unavailable: 2, risky: 3 }

/** The stricter of several verdicts: risky > unavailable > review > pass (a risky piece is refused even if another piece went unanswered). */
export function stricter(verdicts: ContentVerdict[]): ContentVerdict {
  return verdicts.reduce((a, b) => (RANK[b.suggest] > RANK[a.suggest] ? b : a), { suggest: 'pass' })
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff

/**
 * Text split into pieces of at most `limit` UTF-16 units (so at most `limit` characters however WeChat counts),
 * never inside a surrogate pair, each piece after the first starting `overlap` units before the previous end.
 */
export function piecesOf(text: string, limit = CONTENT_LIMIT, overlap = PIECE_OVERLAP): string[] {
  if (text.length <= limit) return [text]
  const pieces: string[] = []
  let start = 0
  for (;;) {
    let end = Math.min(start + limit, text.length)
    if (end < text.length && isHigh(text.charCodeAt(end - 1))) end--
    pieces.push(text.slice(start, end))
    if (end >= text.length) return pieces
    let next = end - overlap
    if (isLow(text.charCodeAt(next))) next--
    start = next
  }
}

export interface MsgSecCheckDeps {
  /** the author's openid (WeChat checks text as written by a user who opened the mini-program lately) */
  users: Pick<UserRepo, 'get'>
  /** the local word list: always run too (the stricter verdict wins), and alone for users without an openid */
  wordList: ContentCheck
  /** bound on each call to WeChat (default 3 s): no answer in time is `unavailable` */
  timeoutMs?: number
  log?: Logger
}

/**
 * ContentCheck by WeChat's msgSecCheck v2 and the word list together. Users without an openid (dev login, demo
 * users, roster-only residents, a name checked before its user exists) are checked by the word list alone.
 */
export function msgSecCheck(transport: MsgSecCheckTransport, deps: MsgSecCheckDeps): ContentCheck {
  const timeoutMs = deps.timeoutMs ?? 3000

  async function ask(req: MsgSecCheckRequest): Promise<ContentVerdict> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      return verdictOf(await Promise.race([transport(req), late]))
    } catch (err) {
      return { suggest: 'unavailable', reason: err instanceof Error ? err.message : String(err) }
    } finally {
      clearTimeout(timer)
    }
  }

  return {
    async check(texts, ctx) {
      const local = await deps.wordList.check(texts, ctx)
      const content = texts.map((t) => t.trim()).filter((t) => t !== '').join('\n')
      if (content === '') return local
      const openid = (await deps.users.get(ctx.userId))?.openid
      if (!openid) return local
      const scene = WECHAT_SCENES[ctx.scene]
      const remote = await Promise.all(piecesOf(content).map((piece) => ask({ openid, scene, content: piece })))
      const verdict = stricter([local, ...remote])
      if (verdict.suggest === 'unavailable') deps.log?.warn({ scene: ctx.scene, reason: verdict.reason }, 'msgSecCheck unavailable')
      return verdict
    },
  }
}
