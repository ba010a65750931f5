import { fireEvent, render, screen } from '@testing-library/react'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { ApiError } from '@/services/apiError'

describe('LoadState', () => {
  it('a skeleton of three lines, or two', () => {
    const { unmount } = render(<DetailSkeleton testid='shift' />)
    expect(screen.getByTestId('shift-loading').querySelectorAll('.gz-skeleton__line')).toHaveLength(3)
    unmount()
    render(<DetailSkeleton testid='result' lines={2} />)
    expect(screen.getByTestId('result-loading').querySelectorAll('.gz-skeleton__line')).toHaveLength(2)
  })

  it('NOT_FOUND and FORBIDDEN say the thing is not there or not yours to see', () => {
    for (const code of ['NOT_FOUND', 'FORBIDDEN'] as const) {
      const { unmount } = render(<LoadFailed testid='motion' error={new ApiError(code, 'x')} notFound='这个议题不存在，或您没有权限查看。' onRetry={() => undefined} />)
      expect(screen.getByTestId('motion-error').textContent).toBe('这个议题不存在，或您没有权限查看。')
      unmount()
    }
  })

  it('other failures show the reason and 重试 calls back', () => {
    const onRetry = jest.fn()
    render(<LoadFailed testid='report' error={new ApiError('NETWORK', '网络不太好')} notFound='不存在' onRetry={onRetry} />)
    expect(screen.getByTestId('report-error').textContent).toBe('没有加载出来：网络不太好')
    fireEvent.click(screen.getByTestId('report-retry'))
    expect(onRetry).toHaveBeenCalledTimes(1)
  })
})
