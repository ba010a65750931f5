/**
 * Small real images for upload tests, as bytes. The JPEG, WebP and GIF are CPython's test images
 * (Lib/test/test_email/data/python.*, 16×16, PSF licence); PNGs are built here, so tests can also declare any
 * size in the header (a "zip bomb") or cut the file short.
 */
import { deflateSync } from 'node:zlib'

export const JPEG_16 = Buffer.from(
  '/9j/4AAQSkZJRgABAQEAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8Q' +
  'EBEQCgwSExIQEw8QEBD/2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQ' +
  'EBAQEBAQEBD/wAARCAAQABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAABwQF/8QAJBAAAQQBBAICAwAAAAAAAAAAAQID' +
  'BAYFBwgSExEiABQJMTL/xAAVAQEBAAAAAAAAAAAAAAAAAAAABv/EACMRAAECBQMFAAAAAAAAAAAAAAECEQMEBQYhABIxFRZhgeH/' +
  '2gAMAwEAAhEDEQA/ABSm0mobc8HmExLUlRzzEWPkJWW+ulrsaUVAseUgslSlH9LKuPryIKuWPZdskzXmm3fX5m2nF4GlVxx/HOpx' +
  '4ks51+MiU/Iaad7UcUo4tILoS4kqcWkezS0hO/HvuRp0rO6hWnWO1UisZVuFi4GFeyEpmGepa5S5SWVPuciFKRFLgSrwetnyPIB+' +
  'Vb4N9mKhQMzo5po9XLdDs9d6ZVix2VEhiL9kuNPxw2gEKcDQ/rs8AuA8VAe0vdl7VOYn+27flGAUgmITjbhSmCg3BYlyeWDkMolv' +
  'w4KOp1KM6iCNvngZHwetf//Z',
  'base64',
)

export const WEBP_16 = Buffer.from(
  'UklGRqgBAABXRUJQVlA4WAoAAAAQAAAADwAADwAAQUxQSMMAAAABJ6KokSTleucYX+ffKpmImP90cY3gJjDi4Yt3MsjBEVyDKzDo' +
  'sHgVjnhRNcEIDAJPkqBqsFUZHNa2bUYvTsZ2PLbtd/uvKa4hov9J0f2PkPe6REkkGzolkTTzFG0Ox9PlFiD0CxS+kOGDtxoynjaC' +
  'fx0pfk52CPuInrOR75lzRugygtv4zEiy90UwfSD9NheMITJWLaXWayO8XeOlWRXVnIGk2W6WdYoYMQ+KqixQNPowgt+6a1BSKbUt' +
  'z+lUFAoBAAAAVlA4IL4AAACQAgCdASoQABAAAwA0JbACdDBPCIUMfAMdCCz96AD+/XSg/QKbH4r3Q3ycN/bSDK/T/zVo4u6nvclv' +
  'G/SqxWOuup+XhN9BojvaW+Tv+MvxvX/hr/o/5Qns9LtmX/+qKdl/yWznhuasl7nkxvSTI4xf3Y85VSB/lU/8Ofj/b9JrA+ifvIOY' +
  'Zm2x1RP/dhfmsf5diuSfR7+z+r/+HR3zEo/+XM/B+vkYw73Pzx+ROaAB/ZoBSzEs3rzZe6qsAAAA',
  'base64',
)

export const GIF_16 = Buffer.from(
  'R0lGODlhEAAQAPU/AOu7GOu+IfPBGvrHGf3LG//MHOvCKv/PI//PJP/QJf/TLevFNOjHPf/TMP/UMP3VNvrTOf/XOfnVPv/YOuzO' +
  'Rf/aQf/bRP/eS//fTv/iVf/jWP/nYvLhbvXjb/3pav/rbDJghzZmkDZnkTZpkzdoljdqljlsljpvmzpwnDtwnDxxnj1zoj50oj92' +
  'pUB4pkJ7qkN8q0N9rUV/r0aAsUeBskiDtEiFtkqGukyJvEyKvEyKv0+NwVCPw1KRxv///wAAACH/C0ltYWdlTWFnaWNrB2dhbW1h' +
  'PTAAIfkEBQAAPwAsAAAAABAAEAAABpvAn/C3u81iLRVpyBTmfLMXC1VqMm1RVqo0sv50thjLFDKVqszeDleTuVSn0fmXuUh+PB1N' +
  '9oKP/iA/FxUPXzY0UipnIoEUhAo/hzAuXU0VEQoHP0cuIj8cHhsZGBUTCggEPzFSPx0fGxoYFhENCAUCQispP6+xpacFBVawGAwL' +
  'BgEAAF6xsw0Jwl4/shEOCT6p0j8QzwUD2uBDQQA7',
  'base64',
)

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>')

/** A PHP web shell under a photo's name: not an image whatever it is called. */
export const PHP = Buffer.from('<?php system($_GET["c"]); ?>\n')

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(b: Buffer): number {
  let c = 0xffffffff
  for (const byte of b) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

export function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

/**
 * A valid RGB PNG of width × height; `declared` writes another size into IHDR while the pixel data stays
 * the small one (what a decompression bomb's header looks like, without the megabytes).
 */
export function png(width = 1, height = 1, declared?: { width: number; height: number }): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(declared?.width ?? width, 0)
  ihdr.writeUInt32BE(declared?.height ?? height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/**
 * A PNG of about `bytes` bytes that is valid to the end: the size comes from a private ancillary chunk
 * (what a photo's metadata looks like to the parser), so the test needs no real 20 MB photo.
 */
export function bigPng(bytes: number): Buffer {
  const base = png(4, 4)
  const iend = base.subarray(base.length - 12)
  const pad = chunk('zzZz', Buffer.alloc(Math.max(0, bytes - base.length - 12), 7))
  return Buffer.concat([base.subarray(0, base.length - 12), pad, iend])
}

/** 30°39'36.12" N as the rationals a phone writes (little-endian): found in a file, it is where the photo was taken. */
export const GPS_LATITUDE = Buffer.from(new Uint32Array([30, 1, 39, 1, 3612, 100]).buffer)

/** JPEG_16 with an EXIF block carrying a GPS latitude (GPS_LATITUDE), as a phone's camera writes it. */
export function jpegWithGps(): Buffer {
  const t = Buffer.alloc(8 + 2 + 12 + 4 + 2 + 12 + 4 + 24)
  t.write('II', 0, 'latin1')
  t.writeUInt16LE(42, 2)
  t.writeUInt32LE(8, 4)
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    t.writeUInt16LE(tag, at)
    t.writeUInt16LE(type, at + 2)
    t.writeUInt32LE(count, at + 4)
    t.writeUInt32LE(value, at + 8)
  }
  const gps = 8 + 2 + 12 + 4
  t.writeUInt16LE(1, 8)
  entry(10, 0x8825, 4, 1, gps) // GPSInfo
  const data = gps + 2 + 12 + 4
  t.writeUInt16LE(1, gps)
  entry(gps + 2, 0x0002, 5, 3, data) // GPSLatitude: 3 rationals at `data`
  GPS_LATITUDE.copy(t, data)
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), t])
  const head = Buffer.from([0xff, 0xe1, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([JPEG_16.subarray(0, 2), head, payload, JPEG_16.subarray(2)])
}
