import { useEffect, type PropsWithChildren } from 'react'

import { configure as configureIcons } from '@nutui/icons-react-taro/dist/es/icons/configure.js'
import Taro from '@tarojs/taro'
import { registerPrivacyListener } from './features/legal/privacyConsent'
import { CLOUD_ENV, onCloud } from './services/cloud'
import './app.scss'

// NutUI's icons render an <i>, which a mini-program has no template for (Taro would need plugin-html for
// every page): draw them as a view there. NutUI's own components share this setting (one module).
if (process.env.TARO_ENV !== 'h5') configureIcons({ tag: 'view' })

// WeChat's privacy prompt is ours (PrivacyConsent on the pages that use location, photos, the phone button,
// files): registered once, before any page can call a privacy interface. No-op on H5 and old base libraries.
registerPrivacyListener()

// built for WeChat 云开发: the cloud API needs its environment before the first call
if (onCloud()) Taro.cloud.init({ env: CLOUD_ENV, traceUser: true })

// App start without a session lands on the login page through the tab pages' guard
// (useRequireSession): the first page is 首页, which sends a signed-out visitor to login.
function App({ children }: PropsWithChildren) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') labelNavigationBar()
  }, [])
  return children
}

/** H5: Taro's title bar draws its back and home controls as bare divs; say what they are to a screen reader. */
function labelNavigationBar(): void {
  const label = (selector: string, text: string) => {
    const el = document.querySelector(`#taro-navigation-bar ${selector}`)
    if (!el) return
    el.setAttribute('role', 'button')
    el.setAttribute('aria-label', text)
  }
  label('.taro-navigation-bar-back', '返回')
  label('.taro-navigation-bar-home', '回到首页')
}

export default App
