// A LOCAL STAND-IN for wx-server-sdk, for running the bundled cloud function here (no WeChat account on these
// machines): init() is recorded, getWXContext() answers what the harness set for the current call
// (globalThis.__gongzhiWxContext), and openapi calls are recorded in globalThis.__gongzhiOpenapiCalls.
'use strict'
const calls = (globalThis.__gongzhiOpenapiCalls = globalThis.__gongzhiOpenapiCalls || [])
const record = (name) => async (args) => {
  calls.push({ name, args })
  return { errCode: 0, errMsg: 'openapi.' + name + ':ok (stand-in)' }
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
