/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'

/** Set at build time from the API_BASE environment variable (config/index.ts). */
declare const API_BASE: string
/** The contract's read actions (src/domain/contract.ts READ_ACTION_NAMES), defined at build time by config/index.ts. */
declare const READ_ACTIONS: readonly string[]

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5' | string
    TARO_APP_ID?: string
  }
}
