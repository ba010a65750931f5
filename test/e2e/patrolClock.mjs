// Test-only preload for the server process of test/e2e/patrols.test.ts: moves the server's clock forward by
// the milliseconds written in GONGZHI_TEST_CLOCK_FILE (re-read at most every 100 ms), so a journey can sign up
// before the withdraw cut-off (start − 2 h) and then check in inside the window (start − 15 min) without
// waiting two hours. Only `new Date()` and Date.now() move; dates built from a value are untouched.
import { readFileSync } from 'node:fs'

const file = process.env.GONGZHI_TEST_CLOCK_FILE
const RealDate = Date
const realNow = RealDate.now.bind(RealDate)
let offset = 0
let readAt = -Infinity

function currentOffset() {
  const t = realNow()
  if (file && t - readAt > 100) {
    readAt = t
    try {
      offset = Number(readFileSync(file, 'utf8').trim()) || 0
    } catch {
      offset = 0
    }
  }
  return offset
}

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(realNow() + currentOffset())
    else super(...args)
  }

  static now() {
    return realNow() + currentOffset()
  }
}

globalThis.Date = ShiftedDate
