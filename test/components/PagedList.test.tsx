import { fireEvent, render, screen } from '@testing-library/react'
import { PagedList } from '@/components/PagedList'

const items = <div>列表内容</div>

function listOf(change: Partial<Parameters<typeof PagedList>[0]['list']> = {}) {
  return {
    items: [{ id: 'a' }],
    status: 'ready' as const,
    error: null,
    refreshing: false,
    refreshError: null,
    loadingMore: false,
    loadMoreError: null,
    hasMore: false,
    retry: jest.fn(),
    refresh: jest.fn(),
    loadMore: jest.fn(),
    ...change,
  }
}

describe('PagedList', () => {
  it('shows the items and the footer; 加载更多 loads the next page', () => {
    const list = listOf({ hasMore: true })
    render(
      <PagedList list={list} emptyText='暂时没有通知'>
        {items}
      </PagedList>,
    )
    expect(screen.getByText('列表内容')).toBeTruthy()
    fireEvent.click(screen.getByText('加载更多'))
    expect(list.loadMore).toHaveBeenCalledTimes(1)
  })

  it('retries the first page after an error', () => {
    const list = listOf({ status: 'error', error: { message: '网络不好' }, items: [] })
    render(
      <PagedList list={list} emptyText='暂时没有通知'>
        {items}
      </PagedList>,
    )
    fireEvent.click(screen.getByText('重试'))
    expect(list.retry).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('列表内容')).toBeNull()
  })

  it('offers 刷新 under the empty line when asked', () => {
    const list = listOf({ items: [] })
    render(
      <PagedList list={list} emptyText='暂时没有通知' refreshWhenEmpty>
        {items}
      </PagedList>,
    )
    expect(screen.getByTestId('list-empty').textContent).toContain('暂时没有通知')
    fireEvent.click(screen.getByTestId('refresh-empty'))
    expect(list.refresh).toHaveBeenCalledTimes(1)
  })

  it('says a failed refresh in a banner by default, or in the footer, or not at all', () => {
    const list = listOf({ refreshError: { message: '超时' } })
    const { rerender } = render(
      <PagedList list={list} emptyText=''>
        {items}
      </PagedList>,
    )
    expect(screen.getByTestId('refresh-error').textContent).toBe('没有刷新成功：超时')

    rerender(
      <PagedList list={list} emptyText='' refreshErrorLead='刷新没有成功' refreshErrorTestid={null}>
        {items}
      </PagedList>,
    )
    expect(screen.queryByTestId('refresh-error')).toBeNull()
    expect(screen.getByText('刷新没有成功：超时')).toBeTruthy()

    rerender(
      <PagedList list={list} emptyText='' refreshError='footer'>
        {items}
      </PagedList>,
    )
    expect(screen.queryByTestId('refresh-error')).toBeNull()
    expect(screen.getByText('没有刷新成功：超时').className).toContain('gz-list-footer__error')

    rerender(
      <PagedList list={list} emptyText='' refreshError='none'>
        {items}
      </PagedList>,
    )
    expect(screen.queryByText(/超时/)).toBeNull()
  })

  it('takes a footer of its own instead of the usual one', () => {
    render(
      <PagedList list={listOf()} emptyText='' footer={<div>自己的页脚</div>}>
        {items}
      </PagedList>,
    )
    expect(screen.getByText('自己的页脚')).toBeTruthy()
    expect(screen.queryByText('没有更多了')).toBeNull()
  })
})
