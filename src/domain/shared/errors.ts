/** Error codes of the API contract (DESIGN §4). Each code maps to one HTTP status. */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_ELIGIBLE: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  NO_COMMUNITY: 409,
  ALREADY_VOTED: 409,
  SHIFT_OVERLAP: 409,
  CUTOFF_PASSED: 409,
  OUT_OF_WINDOW: 409,
  OUT_OF_AREA: 409,
  RISK_ASSESSMENT_REQUIRED: 409,
  FULL: 409,
  PAYLOAD_TOO_LARGE: 413,
  CONTENT_REJECTED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_ELIGIBLE: '没有本次表决的投票资格',
  NOT_FOUND: '内容不存在或已被撤回',
  CONFLICT: '当前状态不允许此操作',
  NO_COMMUNITY: '请先选择您所在的社区',
  ALREADY_VOTED: '已经投过票，每人（每户）只能投一次，投出后不能更改',
  SHIFT_OVERLAP: '与您已报名的另一个巡逻班次时间重叠',
  CUTOFF_PASSED: '开始前 2 小时内不能退出，如有急事请联系社区',
  OUT_OF_WINDOW: '不在签到时间内（开始前 15 分钟至结束）',
  OUT_OF_AREA: '不在巡逻区域，不能签到',
  RISK_ASSESSMENT_REQUIRED: '重大事项须先完成社会稳定风险评估，才能进入表决',
  FULL: '名额已满',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  CONTENT_REJECTED: '内容包含不适宜发布的信息，请修改后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '服务暂时出错，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后重试',
}

export class AppError extends Error {
  readonly code: ErrorCode
  readonly details?: unknown

  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code], details?: unknown) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.details = details
  }
}

export function isErrorCode(code: unknown): code is ErrorCode {
  // own keys only: 'toString' or 'constructor' are not codes
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERROR_STATUS, code)
}

export function statusOf(code: string): number {
  return isErrorCode(code) ? ERROR_STATUS[code] : 500
}
