// Draws the tab bar icons (81×81 PNG, as WeChat recommends) without any image tool:
// `node src/assets/tab/make-icons.mjs` rewrites home*.png, vote*.png, report*.png, patrol*.png and me*.png beside this file.
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const SIZE = 81
const SS = 4 // supersampling per axis

function crc32(buf) {
  let c
  const table = []
  for (let n = 0; n < 256; n++) {
    c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c >>> 0
  }
  let crc = 0xffffffff
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function png(rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(SIZE, 0)
  ihdr.writeUInt32BE(SIZE, 4)
  ihdr[8] = 8
  ihdr[9] = 6
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// Shapes as "inside" tests on a 0..81 canvas.
const inPoly = (pts) => (x, y) => {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}
const inRect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r
const inEllipse = (cx, cy, rx, ry) => (x, y) => ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1

const home = (x, y) =>
  (inPoly([[40.5, 10], [73, 38], [66, 38], [66, 70], [15, 70], [15, 38], [8, 38]])(x, y)) &&
  !inRect(34, 48, 47, 70)(x, y)

const inRoundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (!inRect(x0, y0, x1, y1)(x, y)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

// 随手拍: a camera, its lens a ring with a filled centre.
const report = (x, y) =>
  (inRoundRect(7, 24, 74, 69, 9)(x, y) || inPoly([[27, 25], [32, 14], [49, 14], [54, 25]])(x, y)) &&
  !(inCircle(40.5, 46.5, 16)(x, y) && !inCircle(40.5, 46.5, 10)(x, y)) &&
  !inCircle(63, 33, 3.2)(x, y)

// 议事: a ballot with a tick going into a ballot box.
const vote = (x, y) =>
  (inRoundRect(8, 40, 73, 72, 7)(x, y) && !inRect(20, 36, 61, 48)(x, y)) ||
  (inRoundRect(25, 8, 56, 44, 4)(x, y) && !inPoly([[31, 25], [35.5, 20.5], [39.5, 25], [48, 14.5], [52.5, 19], [39.5, 33.5]])(x, y))

// 巡逻: a shield with a tick cut out of it (群防群治, keeping watch).
const patrol = (x, y) =>
  inPoly([[40.5, 6], [69, 15], [69, 38], [65, 52], [56, 64], [40.5, 75], [25, 64], [16, 52], [12, 38], [12, 15]])(x, y) &&
  !inPoly([[25, 40], [30.5, 34.5], [37.5, 41.5], [51, 27.5], [56.5, 33], [37.5, 52.5]])(x, y)

const me = (x, y) =>
  inCircle(40.5, 27, 14)(x, y) || (inEllipse(40.5, 72, 28, 26)(x, y) && y <= 70)

function draw(shape, [r, g, b]) {
  const out = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < SS; sy++)
        for (let sx = 0; sx < SS; sx++) if (shape(x + (sx + 0.5) / SS, y + (sy + 0.5) / SS)) hits++
      const i = (y * SIZE + x) * 4
      out[i] = r
      out[i + 1] = g
      out[i + 2] = b
      out[i + 3] = Math.round((hits / (SS * SS)) * 255)
    }
  }
  return png(out)
}

const dir = dirname(fileURLToPath(import.meta.url))
const GREY = [0x5c, 0x65, 0x73]
const BLUE = [0x1e, 0x5b, 0xb8]
writeFileSync(join(dir, 'home.png'), draw(home, GREY))
writeFileSync(join(dir, 'home-active.png'), draw(home, BLUE))
writeFileSync(join(dir, 'report.png'), draw(report, GREY))
writeFileSync(join(dir, 'report-active.png'), draw(report, BLUE))
writeFileSync(join(dir, 'vote.png'), draw(vote, GREY))
writeFileSync(join(dir, 'vote-active.png'), draw(vote, BLUE))
writeFileSync(join(dir, 'patrol.png'), draw(patrol, GREY))
writeFileSync(join(dir, 'patrol-active.png'), draw(patrol, BLUE))
writeFileSync(join(dir, 'me.png'), draw(me, GREY))
writeFileSync(join(dir, 'me-active.png'), draw(me, BLUE))
console.log('tab icons written to', dir)
