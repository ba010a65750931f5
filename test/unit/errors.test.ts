import { AppError, DEFAULT_MESSAGES, ERROR_STATUS, isErrorCode, statusOf } from '@/domain/shared/errors'

test('every code has one status and a Chinese default message', () => {
  for (const [code, status] of Object.entries(ERROR_STATUS)) {
    expect(statusOf(code)).toBe(status)
    expect(DEFAULT_MESSAGES[code as keyof typeof ERROR_STATUS]).toMatch(/[\u4e00-\u9fff]/)
  }
})

test('the statuses of DESIGN §4', () => {
  expect(ERROR_STATUS).toEqual({
    INVALID_INPUT: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_ELIGIBLE: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    // a signed-in person who has not chosen their community yet (first WeChat sign-in): the client shows 选择社区
    NO_COMMUNITY: 409,
    ALREADY_VOTED: 409,
    SHIFT_OVERLAP: 409,
    CUTOFF_PASSED: 409,
    OUT_OF_WINDOW: 409,
    OUT_OF_AREA: 409,
    // a major motion without a 稳评 that clears it asked to enter voting (issue 18)
    RISK_ASSESSMENT_REQUIRED: 409,
    // a call-out task's last seat taken by someone else (issue 18)
    FULL: 409,
    PAYLOAD_TOO_LARGE: 413,
    CONTENT_REJECTED: 422,
    RATE_LIMITED: 429,
    INTERNAL: 500,
    // the database could not answer now (issue 13): retryable
    UNAVAILABLE: 503,
  })
})

test('unknown codes map to 500 and are not error codes', () => {
  expect(statusOf('NOPE')).toBe(500)
  expect(statusOf('toString')).toBe(500)
  expect(isErrorCode('FORBIDDEN')).toBe(true)
  expect(isErrorCode('constructor')).toBe(false)
  expect(isErrorCode(42)).toBe(false)
})

test('AppError carries code, message (default by code) and details', () => {
  const e = new AppError('FORBIDDEN')
  expect(e).toBeInstanceOf(Error)
  expect(e.message).toBe(DEFAULT_MESSAGES.FORBIDDEN)
  expect(new AppError('CONFLICT', '已撤回', { id: 1 })).toMatchObject({ code: 'CONFLICT', message: '已撤回', details: { id: 1 } })
})
