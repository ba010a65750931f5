import Taro from '@tarojs/taro'

/** Back to where the person came from; opened directly (a shared link, a reload on H5), go to `fallback`. */
export function backTo(fallback: string): void {
  const tab = fallback === '/pages/index/index' || fallback === '/pages/report/index' || fallback === '/pages/me/index'
  const direct = () => (tab ? Taro.switchTab({ url: fallback }) : Taro.redirectTo({ url: fallback }))
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
