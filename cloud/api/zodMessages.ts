import type { IssueDetail } from '@/domain/shared/envelope'
import { z } from 'zod'

const zh = z.locales.zhCN().localeError

function fieldOf(path: readonly PropertyKey[] | undefined): string {
  return path && path.length > 0 ? path.map(String).join('.') : ''
}

/**
 * Chinese messages for zod issues that a schema did not word itself (schema messages win).
 * Used per parse, so no global zod configuration is changed.
 */
export const zhErrorMap: z.core.$ZodErrorMap = (issue) => {
  const field = fieldOf(issue.path)
  const name = field ? `「${field}」` : '请求内容'
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return field ? `缺少必填项${name}` : '缺少请求内容'
      return `${name}的格式不正确`
    case 'unrecognized_keys':
      return `不支持的字段：${issue.keys.join('、')}`
    case 'too_big':
      if (issue.origin === 'string') return `${name}太长了`
      if (issue.origin === 'array') return `${name}的项目太多了`
      return `${name}超出了允许的范围`
    case 'too_small':
      if (issue.origin === 'string') return `${name}太短了`
      if (issue.origin === 'array') return `${name}至少需要一项`
      return `${name}小于允许的范围`
    case 'invalid_value':
      return `${name}的取值不在允许的范围内`
    case 'invalid_format':
      return `${name}的格式不正确`
    default: {
      const fallback = zh(issue)
      return typeof fallback === 'string' ? fallback : (fallback?.message ?? `${name}不正确`)
    }
  }
}


export function issueDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.slice(0, 20).map((i) => ({ path: fieldOf(i.path), message: i.message }))
}
