import Taro from '@tarojs/taro'

/** Template ids of the WeChat subscribe messages (status changes), from TARO_APP_SUBSCRIBE_TEMPLATE_IDS. */
export function subscribeTemplateIds(): string[] {
  let raw = ''
  try {
    raw = process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''
  } catch {
    raw = '' // not defined at build time
  }
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 3)
}

/**
 * weapp only, inside a tap: ask for the subscribe messages (each 允许 is one message WeChat lets us send). A
 * resident asks when submitting (the report's status changes); staff ask with every 办理 step they confirm (the
 * next report that reaches them). Refusal or failure is normal (the in-app 消息 always works), and it never holds
 * the tap's action longer than it takes.
 */
export async function askForStatusMessages(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const tmplIds = subscribeTemplateIds()
  if (!tmplIds.length) return
  try {
    await Taro.requestSubscribeMessage({ tmplIds } as Parameters<typeof Taro.requestSubscribeMessage>[0])
  } catch {
    // refused or unsupported: the message centre is the channel that always works
  }
}
