// Runs the compiled weapp output (dist/weapp, or the 云开发 build in dist/weapp-cloud) inside miniprogram-simulate,
// which implements Component() only: App/getApp/getCurrentPages are shimmed, Page() is mapped to Component() and
// the page lifecycle (onLoad/onShow/onReady) is called by hand. wx.request is answered by the real dispatcher on a
// real store, in process; on the cloud build wx.cloud.callFunction is answered by the cloud door (makeCloudEntry)
// with the OPENID the test says is calling, every call recorded; wx storage is a Map; navigation calls are recorded.
import path from 'node:path'
import { makeCloudEntry } from '../../../cloud/api/cloudEntry'
import { dispatch } from '../../../cloud/api/dispatch'
import type { Harness } from '../../api/support/harness'

export const DIST = path.join(__dirname, '..', '..', '..', 'dist', 'weapp')
/** The build made with TARO_APP_CLOUD_ENV (test/weapp/build-once.js) */
export const DIST_CLOUD = path.join(__dirname, '..', '..', '..', 'dist', 'weapp-cloud')

/**
 * A stand-in for wx.cloud (no WeChat here): init and every callFunction recorded as the app made them; the
 * function `api` answered by the cloud door itself, as the caller `openid()` (what getWXContext would say).
 */
export interface CloudStandIn {
  openid: () => string
  inits: unknown[]
  calls: { name: string; data: unknown }[]
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate')

type Any = any // eslint-disable-line @typescript-eslint/no-explicit-any

export interface MiniApp {
  storage: Map<string, unknown>
  /** actions sent with wx.request (HTTP) */
  requests: string[]
  navigations: { api: string; url: string }[]
  loadPage(route: string, query?: Record<string, string>): Promise<LoadedPage>
}

export interface LoadedPage {
  text(): string
  tap(selector: string): void
  /** taps the first element matching `selector` whose text contains `text` */
  tapText(selector: string, text: string): void
  /** types into an input/textarea: the `input` event WeChat sends, with detail.value */
  input(selector: string, value: string): void
  count(selector: string): number
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await simulate.sleep(20)
  }
}

/**
 * Boots app.js once per test file (the compiled runtime keeps module state, like the real client); `dist` and
 * `cloud` for the 云开发 build (DIST_CLOUD with a CloudStandIn).
 */
export function bootMiniApp(h: Harness, opts: { dist?: string; cloud?: CloudStandIn } = {}): MiniApp {
  const dist = opts.dist ?? DIST
  const g = global as Any
  const storage = new Map<string, unknown>()
  const requests: string[] = []
  const navigations: { api: string; url: string }[] = []
  let app: Any
  let lastPageOptions: Any
  g.App = (opts: Any) => (app = opts)
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.Page = (opts: Any) => {
    lastPageOptions = opts
    g.Component({ ...opts, methods: { eh: opts.eh } })
  }
  const navigate = (api: string) => (o: Any) => {
    navigations.push({ api, url: o.url })
    o.success?.({ errMsg: `${api}:ok` })
    o.complete?.({ errMsg: `${api}:ok` })
  }
  g.wx = Object.assign(g.wx || {}, {
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    ...(opts.cloud ? { cloud: cloudStandIn(h, opts.cloud) } : {}),
    request(opts: Any) {
      const token = String(opts.header?.Authorization ?? '').replace(/^Bearer /, '')
      requests.push(opts.data.action)
      void (async () => {
        const userId = token ? await h.deps.tokens.verify(token) : null
        const body = await dispatch(opts.data, userId ? { userId } : null, h.deps)
        const res = { statusCode: 200, data: body, header: {}, errMsg: 'request:ok' }
        opts.success?.(res)
        opts.complete?.(res)
      })()
      return { abort() {} }
    },
  })
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled app is plain CommonJS
  require(path.join(dist, 'app.js'))
  app.onLaunch({ path: 'pages/index/index', query: {} })

  return {
    storage,
    requests,
    navigations,
    async loadPage(route, query = {}) {
      const id = simulate.load(path.join(dist, route), { rootPath: dist })
      const comp = simulate.render(id)
      comp.attach(document.createElement('parent-wrapper'))
      const page = comp.instance
      for (const [k, v] of Object.entries(lastPageOptions)) if (typeof v === 'function' && !(k in page)) page[k] = v
      page.route = route
      page.onLoad(query)
      page.onShow()
      page.onReady()
      return {
        text: () => comp.dom.textContent as string,
        tap(selector) {
          const node = comp.querySelector(selector)
          if (!node) throw new Error(`no element matches ${selector}`)
          node.dispatchEvent('tap')
        },
        tapText(selector, text) {
          const node = (comp.querySelectorAll(selector) as Any[]).find((n) => String(n.dom.textContent).includes(text))
          if (!node) throw new Error(`no ${selector} says ${text}`)
          node.dispatchEvent('tap')
        },
        input(selector, value) {
          const node = comp.querySelector(selector)
          if (!node) throw new Error(`no element matches ${selector}`)
          node.dispatchEvent('input', { detail: { value } })
        },
        count: (selector) => comp.querySelectorAll(selector).length,
      }
    },
  }
}

/** wx.cloud answering callFunction through the cloud door; both the promise and the callback forms, as WeChat's. */
function cloudStandIn(h: Harness, cloud: CloudStandIn): Any {
  const main = makeCloudEntry(async () => h.deps, () => ({ OPENID: cloud.openid(), SOURCE: 'wx_client' }))
  return {
    init(options: unknown) {
      cloud.inits.push(options)
    },
    callFunction(o: Any) {
      cloud.calls.push({ name: o.name, data: JSON.parse(JSON.stringify(o.data)) })
      const done = (async () => {
        if (o.name !== 'api') throw new Error(`cloud.callFunction:fail no function ${o.name}`)
        const res = { result: await main(o.data), requestID: `smoke-${cloud.calls.length}`, errMsg: 'cloud.callFunction:ok' }
        o.success?.(res)
        o.complete?.(res)
        return res
      })()
      return done
    },
  }
}
