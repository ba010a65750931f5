import { excerptOf, noticeState } from '@/domain/notices'

const now = new Date('2025-03-01T02:00:00.000Z')
const n = (publishAt: string, expireAt: string | null = null, withdrawnAt: string | null = null) => ({ publishAt, expireAt, withdrawnAt })

describe('noticeState', () => {
  test.each([
    ['live: published, no expiry', n('2025-03-01T01:00:00Z'), 'live'],
    ['live: published exactly now', n('2025-03-01T02:00:00.000Z'), 'live'],
    ['scheduled: publish time ahead', n('2025-03-01T02:00:00.001Z'), 'scheduled'],
    ['expired: expiry reached exactly', n('2025-02-01T00:00:00Z', '2025-03-01T02:00:00.000Z'), 'expired'],
    ['live: expiry ahead', n('2025-02-01T00:00:00Z', '2025-03-01T02:00:00.001Z'), 'live'],
    ['withdrawn wins over everything', n('2025-04-01T00:00:00Z', '2025-05-01T00:00:00Z', '2025-03-01T00:00:00Z'), 'withdrawn'],
    ['offsets are compared as instants', n('2025-03-01T09:59:00+08:00'), 'live'],
    ['offsets are compared as instants (ahead)', n('2025-03-01T10:01:00+08:00'), 'scheduled'],
  ])('%s', (_name, notice, state) => {
    expect(noticeState(notice, now)).toBe(state)
  })
})

describe('excerptOf', () => {
  test('flattens whitespace and cuts at 60 characters, emoji counted once', () => {
    expect(excerptOf('  第一行\n\n第二行\t结束 ')).toBe('第一行 第二行 结束')
    const long = '🎉'.repeat(61)
    expect(excerptOf(long)).toBe('🎉'.repeat(60) + '…')
    expect(excerptOf('🎉'.repeat(60))).toBe('🎉'.repeat(60))
  })
})
