/**
 * The WeChat 云开发 environment the mini-program was built for (`TARO_APP_CLOUD_ENV=<env id> npm run build:weapp`):
 * then every call goes to the cloud function `api` and the caller is whoever WeChat says (no token, no code).
 * Empty — the browser, or a weapp built without it — means HTTP to the self-hosted server.
 */
export const CLOUD_ENV: string = process.env.TARO_ENV === 'weapp' ? (process.env.TARO_APP_CLOUD_ENV ?? '') : ''

export const onCloud = (): boolean => CLOUD_ENV !== ''
