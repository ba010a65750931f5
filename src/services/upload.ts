import Taro from '@tarojs/taro'
import type { ApiReply } from '@/domain/shared/envelope'
import { isErrorCode } from '@/domain/shared/errors'
import { ApiError, isRetryable } from './apiError'
import { onCloud } from './cloud'
import { sendToCloud } from './cloudPhotos'
import { getToken } from './session'

/**
 * Photo upload seam (issue 4): compress on the device, then `POST ${API_BASE}/upload` (multipart, field
 * `file`) with the session's bearer token → `{ fileId }`. On WeChat 云开发, the same after compression through
 * cloud storage (cloudPhotos.ts: the path the API names, Taro.cloud.uploadFile, file.fromCloud).
 */

/** weapp: files up to this size go as they are; larger ones are re-encoded at quality 70. */
export const COMPRESS_ABOVE_BYTES = 300 * 1024
/** H5: the longest side after compression. */
export const MAX_SIDE_PX = 1600
/** A photo on a weak network needs longer than an API call. */
export const UPLOAD_TIMEOUT_MS = 60_000
const RETRY_DELAY_MS = 800
const GATEWAY_STATUSES = new Set([0, 502, 503, 504])

/** Upload one local image (a temp path on weapp, a blob: URL on H5); throws ApiError like callApi. */
export async function uploadPhoto(localPath: string, onProgress?: (percent: number) => void): Promise<{ fileId: string }> {
  const filePath = await compress(localPath)
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        // on 云开发 a retry starts over with a fresh target: a half-done first try leaves nothing in the way
        return await (onCloud() ? sendToCloud : send)(filePath, onProgress)
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('NETWORK')
        if (isRetryable(err.code) && attempt < 2) {
          await delay(RETRY_DELAY_MS)
          continue
        }
        throw err
      }
    }
  } finally {
    // the canvas's blob on H5 is ours to free; the picked file belongs to the caller
    if (filePath !== localPath && filePath.startsWith('blob:')) URL.revokeObjectURL(filePath)
  }
}

/**
 * A signed photo path of the server (`/files/<id>?e=&s=`) as an address the image component can load:
 * absolute against the API base on weapp; unchanged on H5 served by the same origin (empty base), and
 * unchanged when it is already absolute (http(s), cloud://, blob:, data:). On 云开发 there is no HTTP base: the
 * link stays as it is, and the photo components exchange it for a temporary URL (usePhotoSrcs).
 */
export function photoSrc(url: string): string {
  if (onCloud() || !url.startsWith('/') || url.startsWith('//')) return url
  const base = API_BASE.replace(/\/+$/, '')
  return base ? `${base}${url}` : url
}

async function send(filePath: string, onProgress?: (percent: number) => void): Promise<{ fileId: string }> {
  const token = getToken()
  if (!token) throw new ApiError('UNAUTHENTICATED')
  let reply: { statusCode: number; data: unknown }
  try {
    const task = Taro.uploadFile({
      url: `${API_BASE}/upload`,
      filePath,
      name: 'file',
      header: { Authorization: `Bearer ${token}` },
      timeout: UPLOAD_TIMEOUT_MS,
    })
    if (onProgress && typeof task.onProgressUpdate === 'function') {
      task.onProgressUpdate((res) => onProgress(Math.max(0, Math.min(100, Math.round(res.progress)))))
    }
    reply = await task
  } catch {
    throw new ApiError('NETWORK')
  }
  return unwrap(reply.statusCode, reply.data)
}

/** The same envelope as /api; uploadFile hands the body over as text. */
function unwrap(status: number, data: unknown): { fileId: string } {
  let body: unknown = data
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data)
    } catch {
      body = null
    }
  }
  const env = body as ApiReply<{ fileId?: unknown }> | null
  if (env && typeof env === 'object' && 'ok' in env) {
    if (env.ok === true && typeof env.data?.fileId === 'string') return { fileId: env.data.fileId }
    if (env.ok === false) {
      const { code, message, details } = env.error ?? {}
      throw new ApiError(isErrorCode(code) ? code : 'INTERNAL', typeof message === 'string' ? message : undefined, details)
    }
  }
  if (GATEWAY_STATUSES.has(status)) throw new ApiError('NETWORK')
  if (status === 413) throw new ApiError('PAYLOAD_TOO_LARGE', '图片太大，请换一张不超过 5MB 的图片')
  throw new ApiError('INTERNAL')
}

/** Never blocks the upload: when compression fails, the original goes (the server checks it anyway). */
async function compress(localPath: string): Promise<string> {
  try {
    if (Taro.getEnv() === Taro.ENV_TYPE.WEB) return await compressOnCanvas(localPath)
    const info = (await Taro.getFileInfo({ filePath: localPath })) as { size?: number }
    if (typeof info.size === 'number' && info.size <= COMPRESS_ABOVE_BYTES) return localPath
    const res = await Taro.compressImage({ src: localPath, quality: 70 })
    return res.tempFilePath || localPath
  } catch {
    return localPath
  }
}

/** H5: draw onto a canvas with the longest side ≤ 1600 px, white under transparency, JPEG 0.8 → a blob: URL. */
async function compressOnCanvas(localPath: string): Promise<string> {
  const img = await loadImage(localPath)
  const w0 = img.naturalWidth
  const h0 = img.naturalHeight
  if (!w0 || !h0) return localPath
  const scale = Math.min(1, MAX_SIDE_PX / Math.max(w0, h0))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(w0 * scale))
  canvas.height = Math.max(1, Math.round(h0 * scale))
  const ctx = canvas.getContext('2d')
  if (!ctx) return localPath
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, canvas.width, canvas.height)
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8))
  if (!blob) return localPath
  return URL.createObjectURL(blob)
}

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('image load failed'))
    img.src = src
  })
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
