import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

/**
 * API_BASE: where the client sends `POST /api`. Empty on H5 means "the server that served this page".
 * For weapp it must be an absolute URL (DevTools: tick 不校验合法域名 for http://localhost).
 */
function apiBase(platform: string | undefined): string {
  if (process.env.API_BASE !== undefined) return process.env.API_BASE
  return platform === 'weapp' ? `http://localhost:${process.env.PORT || 10086}` : ''
}

/**
 * The contract's read actions (src/domain/contract.ts), which the client retries once after a network failure.
 * Derived here at build time so that the main package does not carry every feature's schemas; read through tsx
 * because Taro's config loader does not take the domain's TypeScript.
 */
function readActionNames(): string[] {
  const script = "process.stdout.write(JSON.stringify(require('./src/domain/contract.ts').READ_ACTION_NAMES))"
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--eval', script], { cwd: path.resolve(__dirname, '..') })
  return JSON.parse(out.toString('utf8')) as string[]
}

// chinese-days declares "type": "commonjs" but its "module" entry is ESM, which webpack then refuses to parse:
// use its UMD build instead.
const CHINESE_DAYS = path.resolve(__dirname, '..', 'node_modules/chinese-days/dist/index.min.js')

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'gongzhi',
    date: '2026-11-25',
    // NutUI is drawn on a 375 design width; our own styles on 750.
    designWidth(input?: string | number | { file?: string }) {
      const file = typeof input === 'object' && input ? (input.file ?? '') : ''
      if (file.replace(/\\+/g, '/').indexOf('@nutui') > -1) return 375
      return 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: process.env.TARO_OUTPUT_ROOT || (process.env.TARO_ENV === 'h5' ? 'dist/h5' : 'dist/weapp'),
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase(process.env.TARO_ENV)),
      // derived from the contract at build time, so the main package does not carry every feature's schemas
      READ_ACTIONS: JSON.stringify(readActionNames()),
    },
    // process.env.* the client reads; Taro only reads TARO_APP_* from .env files, so pass the shell's too
    env: {
      TARO_APP_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''),
      // the WeChat 云开发 environment: set, the weapp calls the cloud function instead of HTTP (src/services/cloud.ts)
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      // 一张图's H5 base tiles: a GCJ-02 URL template with its key (Tencent, AMap); unset: no tiles, a plain background
      TARO_APP_MAP_TILES: JSON.stringify(process.env.TARO_APP_MAP_TILES ?? ''),
    },
    alias: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      optimizeMainPackage: { enable: true },
      // our class names are unique per component (BEM), so CSS order across chunks does not matter
      miniCssExtractPluginOption: { ignoreOrder: true },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.resolve.alias.set('chinese-days$', CHINESE_DAYS)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[hash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        chain.resolve.alias.set('chinese-days$', CHINESE_DAYS)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
