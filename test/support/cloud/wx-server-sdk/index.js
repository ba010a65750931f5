// A LOCAL STAND-IN for wx-server-sdk, for running the bundled cloud function here (no WeChat account on these
// machines): init() is recorded, getWXContext() answers what the harness set for the current call
// (globalThis.__gongzhiWxContext), and openapi calls are recorded in globalThis.__gongzhiOpenapiCalls. Nothing
// here is WeChat: security.msgSecCheck answers pass, or what a stand-in marker in the content asks for.
'use strict'
const calls = (globalThis.__gongzhiOpenapiCalls = globalThis.__gongzhiOpenapiCalls || [])
const record = (name) => async (args) => {
  calls.push({ name, args })
  return { errCode: 0, errMsg: 'openapi.' + name + ':ok (stand-in)' }
}
// msgSecCheck answers in WeChat's shape (camel-cased as wx-server-sdk returns it): pass, unless the content holds
// one of these stand-in markers, which a test writes to see the other answers through the bundle
const SEC_MARKERS = {
  '[stand-in:risky]': { errCode: 0, result: { suggest: 'risky', label: 20001 } },
  '[stand-in:review]': { errCode: 0, result: { suggest: 'review', label: 20006 } },
}
const msgSecCheck = async (args) => {
  calls.push({ name: 'security.msgSecCheck', args })
  const content = String((args && args.content) || '')
  // wx-server-sdk rejects when WeChat answers an errcode
  if (content.includes('[stand-in:down]')) throw Object.assign(new Error('errCode: -1 system error (stand-in)'), { errCode: -1, errMsg: 'system error (stand-in)' })
  const marked = Object.keys(SEC_MARKERS).find((m) => content.includes(m))
  const answer = marked ? SEC_MARKERS[marked] : { errCode: 0, result: { suggest: 'pass', label: 100 } }
  return { ...answer, errMsg: 'openapi.security.msgSecCheck:ok (stand-in)', detail: [], traceId: 'stand-in' }
}
module.exports = {
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init(options) {
    globalThis.__gongzhiCloudInit = options
  },
  getWXContext() {
    return { ...(globalThis.__gongzhiWxContext || {}) }
  },
  openapi: {
    security: { msgSecCheck, mediaCheckAsync: record('security.mediaCheckAsync') },
    subscribeMessage: { send: record('subscribeMessage.send') },
    phonenumber: { getPhoneNumber: record('phonenumber.getPhoneNumber') },
  },
}
