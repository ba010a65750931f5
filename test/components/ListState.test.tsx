import { fireEvent, render, screen } from '@testing-library/react'
import { ListState } from '@/components/ListState'

const list = <div>列表内容</div>

describe('ListState', () => {
  it('shows skeleton rows while loading, not the list', () => {
    render(
      <ListState status='loading' isEmpty={false} emptyText='暂时没有通知' onRetry={() => undefined} skeletonRows={4}>
        {list}
      </ListState>,
    )
    const loading = screen.getByTestId('list-loading')
    expect(loading.querySelectorAll('.gz-skeleton')).toHaveLength(4)
    expect(screen.queryByText('列表内容')).toBeNull()
  })

  it('shows the error message and a 重试 button that calls onRetry', () => {
    const onRetry = jest.fn()
    render(
      <ListState status='error' error={{ message: '网络不好，请稍后重试' }} isEmpty emptyText='暂时没有通知' onRetry={onRetry}>
        {list}
      </ListState>,
    )
    expect(screen.getByTestId('list-error').textContent).toContain('网络不好，请稍后重试')
    fireEvent.click(screen.getByText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('列表内容')).toBeNull()
  })

  it('shows a friendly line when empty', () => {
    render(
      <ListState status='ready' isEmpty emptyText='暂时没有通知' emptyHint='社区发布新通知后，会显示在这里。' onRetry={() => undefined}>
        {list}
      </ListState>,
    )
    expect(screen.getByTestId('list-empty').textContent).toContain('暂时没有通知')
    expect(screen.getByText('社区发布新通知后，会显示在这里。')).toBeTruthy()
    expect(screen.queryByText('列表内容')).toBeNull()
  })

  it('shows the list when ready and not empty', () => {
    render(
      <ListState status='ready' isEmpty={false} emptyText='暂时没有通知' onRetry={() => undefined}>
        {list}
      </ListState>,
    )
    expect(screen.getByText('列表内容')).toBeTruthy()
    expect(screen.queryByTestId('list-loading')).toBeNull()
    expect(screen.queryByTestId('list-empty')).toBeNull()
    expect(screen.queryByTestId('list-error')).toBeNull()
  })
})
