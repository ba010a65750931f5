// A LOCAL STAND-IN for wx-server-sdk, for running the bundled cloud function here (no WeChat account on these
// machines). It is not WeChat and proves nothing about WeChat's own answers: init() is recorded, getWXContext()
// answers what the harness set for the current call (globalThis.__gongzhiWxContext), and every openapi call is
// recorded in globalThis.__gongzhiOpenapiCalls as { standIn: true, name, args, answer }.
//
// What an openapi call answers is set per harness call (globalThis.__gongzhiOpenapiAnswers, a queue per name such
// as 'subscribeMessage.send'); each call takes the next answer, and with none left it succeeds:
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

const record = (name) => async (args) => {
  const queue = (globalThis.__gongzhiOpenapiAnswers || {})[name]
  const next = Array.isArray(queue) && queue.length > 0 ? queue.shift() : { reply: DEFAULT_REPLY[name] ? DEFAULT_REPLY[name]() : {} }
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
    security: { msgSecCheck: record('security.msgSecCheck'), mediaCheckAsync: record('security.mediaCheckAsync') },
    subscribeMessage: { send: record('subscribeMessage.send') },
    phonenumber: { getPhoneNumber: record('phonenumber.getPhoneNumber') },
  },
}
