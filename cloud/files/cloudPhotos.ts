import type { TempLinks, UploadTarget } from '@/domain/files'
import { AppError } from '@/domain/shared/errors'
import type { CloudFiles, UserCtx } from './ports'
import { checkLink } from './readPhoto'
import { uploadPhoto } from './uploadPhoto'

/**
 * Photos through WeChat 云开发's cloud storage (issue 14). The client never writes where a photo is kept: it
 * uploads to an incoming path the API names for it (file.uploadTarget), then hands the file in (file.fromCloud),
 * which runs the same upload use case as the HTTP /upload (type by content, size bounds, location stripped, the
 * per-user cap) and stores the stripped bytes through the cloud BlobStorage; the incoming file is removed. Reading
 * keeps the signed links of the report views as the permission: file.links checks each exactly as the HTTP
 * /files route does and answers short-lived temporary URLs. The HTTP door has no cloud storage: FORBIDDEN there.
 */

/** Where clients upload: `incoming/<userId>/<id>`; nothing else under it, nothing of others. */
const INCOMING = 'incoming'

/** A temporary URL lives at most this long (and never past its signed link): a report made private stops new ones. */
export const TEMP_URL_MAX_AGE_S = 10 * 60

const CLOUD_ONLY = '云存储只能在微信小程序中使用'
const GONE = '上传的图片已失效，请重新选择'
const NOT_YOURS = '只能提交自己刚上传的图片'

function cloudOf(ctx: UserCtx): CloudFiles {
  if (!ctx.deps.cloudFiles) throw new AppError('FORBIDDEN', CLOUD_ONLY)
  return ctx.deps.cloudFiles
}

/** file.uploadTarget: a fresh incoming path of the caller's (a member of a community, like the upload itself). */
export async function uploadTarget(_input: Record<string, never>, ctx: UserCtx): Promise<UploadTarget> {
  cloudOf(ctx)
  if (!ctx.user.communityId) throw new AppError('FORBIDDEN', '加入社区后才能上传图片')
  return { cloudPath: `${INCOMING}/${ctx.user.id}/${ctx.deps.ids.newId()}` }
}

/** file.fromCloud: the caller's incoming file becomes a photo (or is refused); either way the incoming file goes. */
export async function takeFromCloud(input: { fileID: string }, ctx: UserCtx): Promise<{ fileId: string }> {
  const cloud = cloudOf(ctx)
  const path = cloud.pathOf(input.fileID)
  if (!path || !isIncomingOf(path, ctx.user.id)) throw new AppError('FORBIDDEN', NOT_YOURS)
  try {
    const { fileId } = await uploadPhoto(ctx.deps, ctx.user.id, async () => {
      const bytes = await cloud.download(input.fileID)
      if (!bytes) throw new AppError('NOT_FOUND', GONE)
      return bytes
    })
    return { fileId }
  } finally {
    await cloud.remove([input.fileID]).catch((err: unknown) => ctx.deps.log.error({ err, fileID: input.fileID }, 'could not remove an incoming cloud file'))
  }
}

function isIncomingOf(path: string, userId: string): boolean {
  const [top, owner, name, ...rest] = path.split('/')
  return top === INCOMING && owner === userId && rest.length === 0 && name !== undefined && /^[A-Za-z0-9_-]{8,64}$/.test(name)
}

/**
 * file.links: each signed link checked as the HTTP door checks it at read (signature, expiry, the report's audience
 * now), and a temporary URL for each that passes, valid TEMP_URL_MAX_AGE_S at most; null for a refused link.
 */
export async function tempLinks(input: { links: string[] }, ctx: UserCtx): Promise<TempLinks> {
  const cloud = cloudOf(ctx)
  const now = ctx.deps.clock.now().getTime()
  const checked = await Promise.all(
    input.links.map(async (link) => {
      const parsed = parseLink(link)
      if (!parsed) return null
      try {
        const file = await checkLink(ctx.deps, parsed.fileId, parsed.expires, parsed.signature)
        const maxAge = Math.min(TEMP_URL_MAX_AGE_S, Math.floor((Number(parsed.expires) * 1000 - now) / 1000))
        return maxAge > 0 ? { path: file.path, maxAge } : null
      } catch (err) {
        if (err instanceof AppError) return null
        throw err
      }
    }),
  )
  const ok = checked.filter((c): c is { path: string; maxAge: number } => c !== null)
  // one call for the screen, with the shortest life among its links
  const maxAge = Math.min(TEMP_URL_MAX_AGE_S, ...ok.map((c) => c.maxAge))
  const urls = ok.length > 0 ? await cloud.tempUrls(ok.map((c) => c.path), maxAge) : []
  const expiresAt = new Date(now + maxAge * 1000).toISOString()
  let i = 0
  return {
    items: checked.map((c) => {
      if (!c) return { url: null, expiresAt: null }
      const url = urls[i++] ?? null
      return { url, expiresAt: url ? expiresAt : null }
    }),
  }
}

/** `/files/<id>?e=<expiry>&s=<signature>` as the views sign it (fileUrls.ts); null for anything else. */
function parseLink(link: string): { fileId: string; expires: string; signature: string } | null {
  const m = /^\/files\/([^/?#]+)\?e=([0-9]{1,12})&s=([A-Za-z0-9_-]{1,100})$/.exec(link)
  if (!m) return null
  try {
    return { fileId: decodeURIComponent(m[1]!), expires: m[2]!, signature: m[3]! }
  } catch {
    return null
  }
}
