// Runs the BUILT cloud function (cloudfunctions/api/index.js) the way CloudBase calls it: `exports.main(event,
// context)`, one call at a time, in this plain Node process (no TypeScript, no jest). wx-server-sdk is the local
// stand-in beside this file (NODE_PATH). Protocol: one JSON line per call on stdin, { wx: {OPENID…}, event, openapi? }
// (openapi: what the stand-in's openapi calls answer during this call, a queue per name, see wx-server-sdk/index.js);
// one JSON line per reply on stdout, { reply, openapi } (the openapi calls the stand-in recorded during the call).
'use strict'
const path = require('node:path')
const readline = require('node:readline')

const fn = require(path.resolve(process.argv[2]))
globalThis.__gongzhiOpenapiCalls = globalThis.__gongzhiOpenapiCalls || []
const rl = readline.createInterface({ input: process.stdin })
let queue = Promise.resolve()
rl.on('line', (line) => {
  queue = queue.then(async () => {
    const { wx, event, openapi } = JSON.parse(line)
    globalThis.__gongzhiWxContext = wx
    globalThis.__gongzhiOpenapiAnswers = openapi || {}
    const before = globalThis.__gongzhiOpenapiCalls.length
    let reply
    try {
      reply = await fn.main(event, { function_name: 'api', request_id: String(Date.now()) })
    } catch (err) {
      reply = { thrown: String(err && err.stack ? err.stack : err) }
    }
    process.stdout.write(JSON.stringify({ reply, openapi: globalThis.__gongzhiOpenapiCalls.slice(before) }) + '\n')
  })
})
rl.on('close', () => queue.then(() => process.exit(0)))
process.stdout.write('ready\n')
