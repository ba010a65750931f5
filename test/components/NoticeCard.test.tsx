import { fireEvent, render, screen, within } from '@testing-library/react'
import { NoticeCard } from '@/components/NoticeCard'
import { makeSummary } from '../support/fixtures'

describe('NoticeCard', () => {
  it('marks an unread notice in words, not only with the dot', () => {
    render(<NoticeCard notice={makeSummary('n1', { read: false })} onOpen={() => undefined} />)
    const card = screen.getByTestId('notice-card')
    expect(within(card).getByTestId('notice-unread').textContent).toBe('未读')
    expect(card.className).toContain('gz-notice-card--unread')
    expect(within(card).queryByTestId('notice-read')).toBeNull()
  })

  it('shows 已读 for a read notice', () => {
    render(<NoticeCard notice={makeSummary('n1', { read: true })} onOpen={() => undefined} />)
    const card = screen.getByTestId('notice-card')
    expect(within(card).getByTestId('notice-read').textContent).toBe('已读')
    expect(within(card).queryByTestId('notice-unread')).toBeNull()
    expect(card.className).not.toContain('gz-notice-card--unread')
  })

  it('a notice the server does not call unread (scheduled, or the viewer’s own) says neither 未读 nor 已读', () => {
    render(<NoticeCard notice={makeSummary('n1', { state: 'scheduled', read: false })} showState onOpen={() => undefined} />)
    const card = screen.getByTestId('notice-card')
    expect(within(card).queryByTestId('notice-unread')).toBeNull()
    expect(within(card).queryByTestId('notice-read')).toBeNull()
    expect(card.className).not.toContain('gz-notice-card--unread')
    expect(within(card).getByTestId('notice-state').textContent).toBe('待发布')
  })

  it('marks an important, unconfirmed notice 需确认, and 已确认 once confirmed', () => {
    const { rerender } = render(
      <NoticeCard notice={makeSummary('n1', { important: true, confirmed: false, canConfirm: true })} onOpen={() => undefined} />,
    )
    expect(screen.getByTestId('notice-needs-confirm').textContent).toBe('需确认')
    rerender(<NoticeCard notice={makeSummary('n1', { important: true, read: true, confirmed: true })} onOpen={() => undefined} />)
    expect(screen.queryByTestId('notice-needs-confirm')).toBeNull()
    expect(screen.getByTestId('notice-confirmed').textContent).toBe('已确认')
  })

  it('shows neither 需确认 nor 已确认 for an ordinary notice', () => {
    render(<NoticeCard notice={makeSummary('n1')} onOpen={() => undefined} />)
    expect(screen.queryByTestId('notice-needs-confirm')).toBeNull()
    expect(screen.queryByTestId('notice-confirmed')).toBeNull()
  })

  it('shows category and 置顶 as words, the state only for the committee', () => {
    const notice = makeSummary('n1', { category: 'safety', pinned: true, state: 'scheduled' })
    const { rerender } = render(<NoticeCard notice={notice} onOpen={() => undefined} />)
    expect(screen.getByTestId('category-tag').textContent).toBe('防范提示')
    expect(screen.getByTestId('notice-pinned').textContent).toBe('置顶')
    expect(screen.queryByTestId('notice-state')).toBeNull()
    rerender(<NoticeCard notice={notice} showState onOpen={() => undefined} />)
    expect(screen.getByTestId('notice-state').textContent).toBe('待发布')
  })

  it('opens the notice by id on tap', () => {
    const onOpen = jest.fn()
    render(<NoticeCard notice={makeSummary('n42', { title: '停水通知' })} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('停水通知'))
    expect(onOpen).toHaveBeenCalledWith('n42')
  })
})
