import { inspectImage } from '../../cloud/files/uploadPhoto'
import { stripLocation } from '../../cloud/files/stripLocation'
import { JPEG_16, WEBP_16, chunk, png } from '../api/support/images'

/** 30°39'36.12" N: the rationals a phone writes for where the photo was taken */
const LAT = [30, 1, 39, 1, 3612, 100]

/** A little-endian TIFF block: IFD0 (orientation 6, GPS pointer) → GPS IFD (ref 'N', latitude rationals). */
function exifTiff(): Buffer {
  const t = Buffer.alloc(8 + 2 + 2 * 12 + 4 + 2 + 2 * 12 + 4 + 24)
  t.write('II', 0, 'latin1')
  t.writeUInt16LE(42, 2)
  t.writeUInt32LE(8, 4)
  let o = 8
  t.writeUInt16LE(2, o)
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    t.writeUInt16LE(tag, at)
    t.writeUInt16LE(type, at + 2)
    t.writeUInt32LE(count, at + 4)
    t.writeUInt32LE(value, at + 8)
  }
  const gps = 8 + 2 + 24 + 4
  entry(o + 2, 0x0112, 3, 1, 6) // Orientation: rotate 90°
  entry(o + 14, 0x8825, 4, 1, gps) // GPSInfo
  o = gps
  const data = gps + 2 + 24 + 4
  t.writeUInt16LE(2, o)
  entry(o + 2, 0x0001, 2, 2, 0x4e) // GPSLatitudeRef 'N' (inline)
  entry(o + 14, 0x0002, 5, 3, data) // GPSLatitude: 3 rationals at `data`
  LAT.forEach((v, i) => t.writeUInt32LE(v, data + i * 4))
  return t
}

function segment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0])
  head.writeUInt16BE(payload.length + 2, 2)
  return Buffer.concat([head, payload])
}

const latBytes = () => {
  const b = Buffer.alloc(24)
  LAT.forEach((v, i) => b.writeUInt32LE(v, i * 4))
  return b
}

describe('stripLocation: where a photo was taken never reaches the store', () => {
  test('JPEG: the EXIF GPS directory is emptied, orientation kept; XMP and IPTC segments dropped', () => {
    const xmp = segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>30,39.6N</exif:GPSLatitude></x:xmpmeta>', 'latin1'))
    const iptc = segment(0xed, Buffer.from('Photoshop 3.0\0成都市锦江区', 'utf8'))
    const exif = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exifTiff()]))
    const photo = Buffer.concat([JPEG_16.subarray(0, 2), exif, xmp, iptc, JPEG_16.subarray(2)])
    expect(inspectImage(photo).mime).toBe('image/jpeg')
    expect(photo.includes(latBytes())).toBe(true)

    const out = stripLocation('image/jpeg', photo)
    expect(out.includes(latBytes())).toBe(false)
    expect(out.includes(Buffer.from('GPSLatitude', 'latin1'))).toBe(false)
    expect(out.includes(Buffer.from('锦江区', 'utf8'))).toBe(false)
    // the EXIF block stays, with Orientation = 6 and a GPS directory of no entries
    const at = out.indexOf(Buffer.from('Exif\0\0', 'latin1'))
    expect(at).toBeGreaterThan(0)
    const tiff = out.subarray(at + 6)
    expect(tiff.readUInt16LE(10)).toBe(0x0112)
    expect(tiff.readUInt16LE(18)).toBe(6)
    expect(tiff.readUInt16LE(tiff.readUInt32LE(8 + 2 + 12 + 8))).toBe(0)
    // still a whole, valid picture: the image data is untouched
    expect(inspectImage(out)).toEqual(inspectImage(JPEG_16))
    expect(out.subarray(out.length - JPEG_16.length + 2)).toEqual(JPEG_16.subarray(2))
  })

  test('JPEG without metadata, and an unreadable EXIF block (dropped whole)', () => {
    expect(stripLocation('image/jpeg', JPEG_16)).toEqual(JPEG_16)
    const broken = segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('XX*\0garbage', 'latin1')]))
    const out = stripLocation('image/jpeg', Buffer.concat([JPEG_16.subarray(0, 2), broken, JPEG_16.subarray(2)]))
    expect(out).toEqual(JPEG_16)
  })

  test('PNG: eXIf and text chunks dropped, the picture kept', () => {
    const base = png(2, 2)
    const iend = base.subarray(base.length - 12)
    const photo = Buffer.concat([
      base.subarray(0, base.length - 12),
      chunk('eXIf', exifTiff()),
      chunk('iTXt', Buffer.from('XML:com.adobe.xmp\0\0\0\0\0<exif:GPSLatitude>30,39.6N</exif:GPSLatitude>', 'latin1')),
      chunk('tEXt', Buffer.from('Location\0成都市锦江区', 'utf8')),
      iend,
    ])
    expect(inspectImage(photo).mime).toBe('image/png')
    const out = stripLocation('image/png', photo)
    expect(out).toEqual(base)
  })

  test('WebP: EXIF and XMP chunks dropped, VP8X flags and RIFF size follow', () => {
    const riffChunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8)
      head.write(type, 0, 'latin1')
      head.writeUInt32LE(data.length, 4)
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)])
    }
    const body = Buffer.concat([WEBP_16.subarray(12), riffChunk('EXIF', exifTiff()), riffChunk('XMP ', Buffer.from('<x:xmpmeta>GPS</x:xmpmeta>', 'latin1'))])
    const photo = Buffer.concat([Buffer.from('RIFF', 'latin1'), Buffer.alloc(4), Buffer.from('WEBP', 'latin1'), body])
    photo.writeUInt32LE(photo.length - 8, 4)
    photo[20] = photo[20]! | 0x08 | 0x04 // VP8X: has EXIF, has XMP
    expect(inspectImage(photo).mime).toBe('image/webp')

    const out = stripLocation('image/webp', photo)
    expect(out.includes(latBytes())).toBe(false)
    expect(out.includes(Buffer.from('XMP ', 'latin1'))).toBe(false)
    expect(out[20]! & 0x0c).toBe(0)
    expect(out.readUInt32LE(4)).toBe(out.length - 8)
    expect(inspectImage(out)).toEqual(inspectImage(WEBP_16))
    expect(stripLocation('image/webp', WEBP_16)).toEqual(WEBP_16)
  })
})
