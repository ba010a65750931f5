import { setErrorHandler } from '@stencil/core/internal/client'
import { configure } from '@testing-library/dom'

// waitFor/findBy wait for a screen to finish loading, not to be fast: on a loaded 2-core CI machine a form behind a
// fetch and a Stencil render took over the default 1 s once (staffReportScreens, 记录调解). Speed is not asserted here.
configure({ asyncUtilTimeout: 5000 })

afterEach(() => {
  window.localStorage.clear()
})

// jsdom has no IntersectionObserver; Taro's <Image> asks for one when it loads.
class NoIntersectionObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
  takeRecords(): [] {
    return []
  }
}
if (!('IntersectionObserver' in window)) Object.assign(window, { IntersectionObserver: NoIntersectionObserver })

// Taro's input and textarea (Stencil components) watch `value` before their first render in jsdom, whose
// animation frames come later than React's updates; the watcher then reads an inner element that is not there
// yet. That error, from an element that has not rendered, is dropped; every other Stencil error is reported.
setErrorHandler((err: unknown, el?: HTMLElement) => {
  const unrendered =
    err instanceof TypeError &&
    /reading 'value'/.test(err.message) &&
    (el?.tagName === 'TARO-INPUT-CORE' || el?.tagName === 'TARO-TEXTAREA-CORE') &&
    !el.querySelector('input, textarea')
  if (!unrendered) console.error(err, el)
})

/**
 * A test run shows failures, not noise: anything a test prints with console.error or console.warn fails that
 * test, except one third-party deprecation we cannot change (NutUI 3's dialogs animate with
 * react-transition-group 4, which calls React's findDOMNode).
 */
const KNOWN_THIRD_PARTY = [/^Warning: findDOMNode is deprecated[\s\S]*react-transition-group/]
let printed: string[] = []
const original = { error: console.error, warn: console.warn }
let spies: jest.SpyInstance[] = []

beforeEach(() => {
  printed = []
  spies = (['error', 'warn'] as const).map((level) =>
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const text = args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : String(a))).join(' ')
      if (KNOWN_THIRD_PARTY.some((re) => re.test(text))) return
      printed.push(`console.${level}: ${text}`)
      original[level](...args)
    }),
  )
})

afterEach(() => {
  for (const spy of spies) spy.mockRestore()
  if (printed.length > 0) throw new Error(`the test printed ${printed.length} warning(s) or error(s):\n${printed.join('\n')}`)
})
