// A LOCAL STAND-IN for wx-server-sdk, for running the bundled cloud function here (no WeChat account on these
// machines). It is not WeChat and proves nothing about WeChat's own answers: init() is recorded, getWXContext()
// answers what the harness set for the current call (globalThis.__gongzhiWxContext), and every openapi call is
// recorded in globalThis.__gongzhiOpenapiCalls as { standIn: true, name, args, answer }.
//
// What an openapi call answers is set per harness call (globalThis.__gongzhiOpenapiAnswers, a queue per name such
// as 'subscribeMessage.send'); each call takes the next answer, and with none left it gives its default answer
// (success; security.mediaCheckAsync: a trace id; security.msgSecCheck: pass, or what a stand-in marker in the
// content asks for, see SEC_MARKERS):
//   { reply: { … } }          → resolves { errCode: 0, errMsg: '<name>:ok', …reply }
//   { errCode: 43101, errMsg } → rejects like the SDK's CloudSDKError (WeChat answered an error)
//   { throws: 'message' }     → rejects with a plain Error (WeChat not reached)
'use strict'
const calls = (globalThis.__gongzhiOpenapiCalls = globalThis.__gongzhiOpenapiCalls || [])

class CloudSDKError extends Error {
  constructor(errCode, errMsg) {
    super(`errCode: ${errCode} | errMsg: ${errMsg}`)
    this.name = 'CloudSDKError'
    this.errCode = errCode
    this.errMsg = errMsg
  }
}

// With no answer queued, mediaCheckAsync accepts the check with a trace id, as WeChat does; its result is the
// test's to push to the function (a `wxa_media_check` event), the stand-in never pushes.
let traces = 0
const DEFAULT_REPLY = { 'security.mediaCheckAsync': () => ({ traceId: `stand-in-trace-${++traces}` }) }

/** an openapi call: the next queued answer for its name, else `fallback(args)` (a success, DEFAULT_REPLY's if any) */
const record = (name, fallback = () => ({ reply: DEFAULT_REPLY[name] ? DEFAULT_REPLY[name]() : {} })) => async (args) => {
  const queue = (globalThis.__gongzhiOpenapiAnswers || {})[name]
  const next = Array.isArray(queue) && queue.length > 0 ? queue.shift() : fallback(args)
  if (next.throws !== undefined) {
    calls.push({ standIn: true, name, args, answer: 'thrown' })
    throw new Error(String(next.throws))
  }
  if (next.errCode !== undefined && next.errCode !== 0) {
    calls.push({ standIn: true, name, args, answer: `errCode ${next.errCode}` })
    throw new CloudSDKError(next.errCode, `openapi.${name}:fail ${next.errMsg || 'error'} (stand-in)`)
  }
  calls.push({ standIn: true, name, args, answer: 'ok' })
  return { errCode: 0, errMsg: `openapi.${name}:ok (stand-in)`, ...(next.reply || {}) }
}

// msgSecCheck's default answer in WeChat's shape (camel-cased as wx-server-sdk returns it): pass, unless the
// content holds one of these stand-in markers, which a test writes to see the other answers through the bundle
const SEC_MARKERS = {
  '[stand-in:risky]': { reply: { result: { suggest: 'risky', label: 20001 } } },
  '[stand-in:review]': { reply: { result: { suggest: 'review', label: 20006 } } },
  // wx-server-sdk rejects when WeChat answers an errcode
  '[stand-in:down]': { errCode: -1, errMsg: 'system error' },
}
const SEC_PASS = { reply: { result: { suggest: 'pass', label: 100 } } }
const msgSecCheckAnswer = (args) => {
  const content = String((args && args.content) || '')
  const marked = Object.keys(SEC_MARKERS).find((m) => content.includes(m))
  const answer = marked ? SEC_MARKERS[marked] : SEC_PASS
  return answer.reply ? { reply: { ...answer.reply, detail: [], traceId: 'stand-in' } } : answer
}

module.exports = {
  // cloud storage (uploadFile, downloadFile, deleteFile, getTempFileURL): its own stand-in, ./storage.js
  ...require('./storage'),
  DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
  init(options) {
    globalThis.__gongzhiCloudInit = options
  },
  getWXContext() {
    return { ...(globalThis.__gongzhiWxContext || {}) }
  },
  openapi: {
    security: { msgSecCheck: record('security.msgSecCheck', msgSecCheckAnswer), mediaCheckAsync: record('security.mediaCheckAsync') },
    subscribeMessage: { send: record('subscribeMessage.send') },
    phonenumber: { getPhoneNumber: record('phonenumber.getPhoneNumber') },
  },
}
