import { createHash } from 'node:crypto'
import { imageSize } from 'image-size'
import { AppError } from '@/domain/shared/errors'
import type { Deps, FileRecord, ImageMime } from './ports'
import { askImageCheck } from './askImageCheck'
import { stripLocation } from './stripLocation'
import { communityOf } from '../shared/community'

/** One photo: at most this many bytes (the HTTP door refuses more with PAYLOAD_TOO_LARGE). */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024
export const MAX_PHOTO_SIDE = 8000
export const MAX_PHOTO_PIXELS = 40_000_000

/** A user's uploads that no report holds, within the last UNATTACHED_WINDOW_MS: at most this many. */
export const MAX_UNATTACHED_UPLOADS = 30
export const UNATTACHED_WINDOW_MS = 24 * 60 * 60 * 1000
export const TOO_MANY_UPLOADS = '上传的照片太多，请先提交问题或稍后再试'

export const NOT_AN_IMAGE = '只能上传 JPG、PNG 或 WebP 图片'
export const TOO_BIG_MESSAGE = '图片不能超过 5 MB，请压缩后再上传'

const EXT: Record<ImageMime, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }

export interface ImageInfo {
  mime: ImageMime
  width: number
  height: number
}

/**
 * What the bytes are, read from their headers only (never decoded): the declared name and type of an upload
 * are not trusted. Accepts complete JPEG, PNG and WebP files within the size bounds; anything else is an
 * INVALID_INPUT with a Chinese message. A "zip bomb" PNG (tiny file, huge declared size) is refused from
 * its header.
 */
export function inspectImage(bytes: Buffer): ImageInfo {
  if (bytes.length === 0) throw new AppError('INVALID_INPUT', '图片是空的，请重新选择')
  const mime = sniff(bytes)
  if (!mime) throw new AppError('INVALID_INPUT', NOT_AN_IMAGE)
  let width: number | undefined
  let height: number | undefined
  try {
    const size = imageSize(bytes)
    if (size.type !== EXT[mime]) throw new Error('type mismatch')
    width = size.width
    height = size.height
  } catch {
    throw new AppError('INVALID_INPUT', DAMAGED)
  }
  if (!Number.isInteger(width) || !Number.isInteger(height) || !width || !height || width < 1 || height < 1) {
    throw new AppError('INVALID_INPUT', DAMAGED)
  }
  if (width > MAX_PHOTO_SIDE || height > MAX_PHOTO_SIDE || width * height > MAX_PHOTO_PIXELS) {
    throw new AppError('INVALID_INPUT', `图片尺寸过大（每边不超过 ${MAX_PHOTO_SIDE} 像素、总共不超过 4000 万像素）`)
  }
  if (!complete(mime, bytes)) throw new AppError('INVALID_INPUT', DAMAGED)
  return { mime, width, height }
}

const DAMAGED = '图片文件不完整或已损坏，请重新选择'

/**
 * Stores one photo for a signed-in member of a community: checks the caller first, then reads the bytes
 * (so a refused caller's upload is never read), checks them by content, strips the location metadata
 * (stripLocation.ts), writes the blob, then the row.
 * A blob without a row (a crash in between) is unreachable and harmless; a row never points at no blob.
 * The row is stored only while the user holds fewer than MAX_UNATTACHED_UPLOADS unattached uploads of the
 * last 24 hours (counted and inserted atomically by the store); a refused upload's blob is removed and the
 * caller gets RATE_LIMITED. Older unattached uploads are removed by sweepOrphanPhotos.
 */
export async function uploadPhoto(
  deps: Deps,
  userId: string | null,
  readBytes: () => Promise<Buffer>,
): Promise<{ fileId: string; file: FileRecord }> {
  const user = userId ? await deps.store.users.get(userId) : null
  if (!user) throw new AppError('UNAUTHENTICATED', '登录已失效，请重新登录')
  communityOf(user)

  const received = await readBytes()
  if (received.length > MAX_PHOTO_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', TOO_BIG_MESSAGE)
  const info = inspectImage(received)
  // where the photo was taken (EXIF GPS, XMP) never reaches the disk nor the residents who see it
  const bytes = stripLocation(info.mime, received)

  const id = deps.ids.newId()
  const key = `${id.slice(0, 2).toLowerCase()}/${id}.${EXT[info.mime]}`
  const now = deps.clock.now()
  // cloud storage names its blobs (a fileID): the row keeps where the blob is
  const path = (await deps.blobs.put(key, bytes)) || key
  let file: FileRecord | null
  try {
    file = await deps.store.files.createWithinCap(
      {
        id,
        ownerId: user.id,
        mime: info.mime,
        bytes: bytes.length,
        width: info.width,
        height: info.height,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        path,
        createdAt: now.toISOString(),
        // where WeChat checks images, others see the photo only after its answer (photoShownToOthers)
        check: deps.imageCheck ? 'pending' : 'none',
      },
      { max: MAX_UNATTACHED_UPLOADS, since: new Date(now.getTime() - UNATTACHED_WINDOW_MS).toISOString() },
    )
  } catch (err) {
    await removeQuietly(deps, path)
    throw err
  }
  if (!file) {
    await removeQuietly(deps, path)
    throw new AppError('RATE_LIMITED', TOO_MANY_UPLOADS)
  }
  // where WeChat checks images: asked now, answered by its push; a failed ask is the sweep's to repeat
  await askImageCheck(deps, file)
  return { fileId: file.id, file }
}

/** The blob of an upload that got no row; a failure is logged (the blob is then unreachable, not served). */
async function removeQuietly(deps: Deps, key: string): Promise<void> {
  try {
    await deps.blobs.remove(key)
  } catch (err) {
    deps.log.error({ err, key }, 'could not remove the blob of a refused upload')
  }
}

/** The signature at the start of the bytes: the only say the client gets on the type. */
function sniff(b: Buffer): ImageMime | null {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg'
  if (b.length >= 8 && b.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png'
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'image/webp'
  return null
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** A cut-off file (an upload broken mid-way) is refused: each format's structure must reach its end. */
function complete(mime: ImageMime, b: Buffer): boolean {
  if (mime === 'image/png') return pngComplete(b)
  if (mime === 'image/webp') return webpComplete(b)
  return jpegComplete(b)
}

/** PNG: chunks (length, type, data, crc) follow each other exactly up to IEND. */
function pngComplete(b: Buffer): boolean {
  let pos = 8
  while (pos + 12 <= b.length) {
    const len = b.readUInt32BE(pos)
    const type = b.toString('latin1', pos + 4, pos + 8)
    const next = pos + 12 + len
    if (next > b.length) return false
    if (type === 'IEND') return true
    pos = next
  }
  return false
}

/** WebP: the RIFF header's size covers the whole file (trailing padding allowed). */
function webpComplete(b: Buffer): boolean {
  const riff = b.readUInt32LE(4)
  return riff >= 4 && riff + 8 <= b.length
}

/**
 * JPEG: walk the marker segments to the first scan (SOS), then the end-of-image marker must follow: inside
 * entropy-coded data a 0xFF byte is always stuffed (FF 00) or a restart marker, so FF D9 there is the real
 * end. Bytes after it (some cameras append data) are allowed.
 */
function jpegComplete(b: Buffer): boolean {
  let pos = 2
  for (;;) {
    if (pos + 4 > b.length || b[pos] !== 0xff) return false
    while (b[pos + 1] === 0xff && pos + 2 < b.length) pos++
    const marker = b[pos + 1]
    if (marker === undefined) return false
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      pos += 2
      continue
    }
    if (marker === 0xd9) return false
    const len = b.readUInt16BE(pos + 2)
    if (len < 2) return false
    pos += 2 + len
    if (marker === 0xda) break
  }
  for (let i = pos; i + 1 < b.length; i++) {
    if (b[i] === 0xff && b[i + 1] === 0xd9) return true
  }
  return false
}
