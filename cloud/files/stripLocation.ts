import type { ImageMime } from './ports'

/**
 * A phone's photo carries where it was taken (EXIF GPS, XMP): served to every resident of a public report,
 * it would tell them where an anonymous reporter lives. This removes the location metadata before a photo
 * is stored (个人信息保护法: collect the minimum), keeping what the picture needs to show right:
 * - JPEG: the EXIF GPS directory is emptied and its values zeroed (orientation and the rest stay); XMP
 *   (APP1) and IPTC/Photoshop (APP13) segments are dropped; an EXIF block that cannot be read is dropped.
 * - PNG: eXIf and text chunks (tEXt, zTXt, iTXt: where XMP lives) are dropped.
 * - WebP: EXIF and XMP chunks are dropped and their VP8X flags cleared.
 * The bytes must already have passed inspectImage (complete and of the given type).
 */
export function stripLocation(mime: ImageMime, bytes: Buffer): Buffer {
  if (mime === 'image/jpeg') return stripJpeg(bytes)
  if (mime === 'image/png') return stripPng(bytes)
  return stripWebp(bytes)
}

const EXIF_HEADER = Buffer.from('Exif\0\0', 'latin1')
const XMP_HEADERS = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'].map((s) => Buffer.from(s, 'latin1'))

function stripJpeg(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 2)]
  let pos = 2
  for (;;) {
    if (pos + 4 > b.length || b[pos] !== 0xff) return b // not walkable: inspectImage would have refused it
    const start = pos
    while (b[pos + 1] === 0xff && pos + 2 < b.length) pos++
    const marker = b[pos + 1]!
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      out.push(b.subarray(start, pos + 2))
      pos += 2
      continue
    }
    const len = b.readUInt16BE(pos + 2)
    const end = pos + 2 + len
    if (marker === 0xda || end > b.length) {
      out.push(b.subarray(start, b.length))
      break
    }
    const payload = b.subarray(pos + 4, end)
    if (marker === 0xe1 && payload.subarray(0, 6).equals(EXIF_HEADER)) {
      const scrubbed = scrubGps(payload.subarray(6))
      if (scrubbed) out.push(b.subarray(start, pos + 4), EXIF_HEADER, scrubbed)
    } else if (marker === 0xe1 && XMP_HEADERS.some((h) => payload.subarray(0, h.length).equals(h))) {
      // dropped
    } else if (marker === 0xed) {
      // dropped (IPTC / Photoshop resources may hold place names)
    } else {
      out.push(b.subarray(start, end))
    }
    pos = end
  }
  return Buffer.concat(out)
}

/** Bytes per value of each TIFF type (1 BYTE ... 12 DOUBLE). */
const TYPE_BYTES = [0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8]
const GPS_IFD_TAG = 0x8825

/** A copy of the TIFF block with its GPS directory emptied; null when it cannot be read (drop it). */
function scrubGps(tiff: Buffer): Buffer | null {
  const t = Buffer.from(tiff)
  if (t.length < 8) return null
  const order = t.toString('latin1', 0, 2)
  if (order !== 'II' && order !== 'MM') return null
  const le = order === 'II'
  const u16 = (o: number) => (le ? t.readUInt16LE(o) : t.readUInt16BE(o))
  const u32 = (o: number) => (le ? t.readUInt32LE(o) : t.readUInt32BE(o))
  const inside = (o: number, n: number) => o >= 0 && n >= 0 && o + n <= t.length
  const ifd0 = u32(4)
  if (!inside(ifd0, 2)) return null
  const n = u16(ifd0)
  if (!inside(ifd0 + 2, n * 12)) return null
  for (let i = 0; i < n; i++) {
    const e = ifd0 + 2 + i * 12
    if (u16(e) !== GPS_IFD_TAG) continue
    const gps = u32(e + 8)
    if (!inside(gps, 2)) return null
    const m = u16(gps)
    if (!inside(gps + 2, m * 12 + 4)) return null
    for (let j = 0; j < m; j++) {
      const g = gps + 2 + j * 12
      const size = (TYPE_BYTES[u16(g + 2)] ?? 0) * u32(g + 4)
      if (size > 4) {
        const at = u32(g + 8)
        if (!inside(at, size)) return null
        t.fill(0, at, at + size)
      }
    }
    // an empty directory: no entries, no next directory
    t.fill(0, gps, gps + 2 + m * 12 + 4)
  }
  return t
}

const PNG_DROP = new Set(['eXIf', 'tEXt', 'zTXt', 'iTXt'])

function stripPng(b: Buffer): Buffer {
  const out: Buffer[] = [b.subarray(0, 8)]
  let pos = 8
  while (pos + 12 <= b.length) {
    const len = b.readUInt32BE(pos)
    const type = b.toString('latin1', pos + 4, pos + 8)
    const next = pos + 12 + len
    if (next > b.length) return b
    if (!PNG_DROP.has(type)) out.push(b.subarray(pos, next))
    pos = next
    if (type === 'IEND') break
  }
  return Buffer.concat(out)
}

const VP8X_EXIF = 0x08
const VP8X_XMP = 0x04

function stripWebp(b: Buffer): Buffer {
  const riffEnd = Math.min(b.length, 8 + b.readUInt32LE(4))
  const chunks: Buffer[] = []
  let dropped = false
  let pos = 12
  while (pos + 8 <= riffEnd) {
    const type = b.toString('latin1', pos, pos + 4)
    const len = b.readUInt32LE(pos + 4)
    const next = pos + 8 + len + (len % 2)
    if (pos + 8 + len > riffEnd) return b
    if (type === 'EXIF' || type === 'XMP ') dropped = true
    else chunks.push(Buffer.from(b.subarray(pos, Math.min(next, riffEnd))))
    pos = next
  }
  if (!dropped) return b
  for (const c of chunks) if (c.toString('latin1', 0, 4) === 'VP8X' && c.length > 8) c[8] = c[8]! & ~(VP8X_EXIF | VP8X_XMP)
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(12)
  head.write('RIFF', 0, 'latin1')
  head.writeUInt32LE(4 + body.length, 4)
  head.write('WEBP', 8, 'latin1')
  return Buffer.concat([head, body])
}
