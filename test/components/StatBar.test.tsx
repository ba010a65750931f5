import { render, screen } from '@testing-library/react'
import { StatBar, percentOf } from '@/components/StatBar'

describe('StatBar', () => {
  it('draws the share as the bar width and says it in words', () => {
    render(<StatBar label='已读' value={12} total={40} testid='bar' />)
    const bar = screen.getByTestId('bar')
    expect(bar.textContent).toContain('已读')
    expect(bar.textContent).toContain('12/40 人')
    expect(bar.textContent).toContain('30%')
    const fill = bar.querySelector('.gz-stat-bar__fill') as HTMLElement
    expect(fill.style.width).toBe('30%')
    expect(bar.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('30')
  })

  it('never divides by zero or draws past the end', () => {
    expect(percentOf(0, 0)).toBe(0)
    expect(percentOf(5, 4)).toBe(100)
    expect(percentOf(1, 3)).toBe(33)
  })
})
