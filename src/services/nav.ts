import Taro from '@tarojs/taro'
import { TAB_BAR, type TabPage } from '../app.tabs'

/** The tabBar's pages, in its order (src/app.tabs.ts, which app.config.ts's tabBar is built from). */
export const TAB_PAGES: readonly string[] = TAB_BAR.map((t) => `/${t.pagePath}`)

/** A tab's index in the tab bar, for setTabBarBadge and friends; never written as a number. */
export function tabIndex(page: TabPage): number {
  const i = TAB_PAGES.indexOf(page)
  if (i < 0) throw new Error(`${page} is not a tab`)
  return i
}

/** A tab page is reached with switchTab (navigateTo/redirectTo fail on it), and switchTab takes no query. */
export function isTabPage(url: string): boolean {
  return TAB_PAGES.includes(url.split('?')[0] as string)
}

/** Back to where the person came from; opened directly (a shared link, a reload on H5), go to `fallback`. */
export function backTo(fallback: string): void {
  const direct = () => (isTabPage(fallback) ? Taro.switchTab({ url: fallback.split('?')[0] as string }) : Taro.redirectTo({ url: fallback }))
  try {
    if (Taro.getCurrentPages().length > 1) {
      Promise.resolve(Taro.navigateBack()).catch(() => direct())
      return
    }
  } catch {
    // no page stack (tests)
  }
  Promise.resolve(direct()).catch(() => undefined)
}

/** After a form's errors have rendered: bring the first one into view. */
export function scrollToFirstError(): void {
  setTimeout(() => {
    Promise.resolve(Taro.pageScrollTo({ selector: '.gz-field--error', duration: 300 })).catch(() => undefined)
  }, 50)
}

/** A long form replaced by its result: show the result from its top. */
export function scrollToTop(): void {
  setTimeout(() => {
    Promise.resolve(Taro.pageScrollTo({ scrollTop: 0, duration: 0 })).catch(() => undefined)
  }, 50)
}
