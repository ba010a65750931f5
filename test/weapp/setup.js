// jsdom lacks these; the in-process API (jose, better-sqlite3 callers, the SQLite group commit's next turn) needs Node's.
const { TextEncoder, TextDecoder } = require('node:util')
const { setImmediate, clearImmediate } = require('node:timers')
Object.assign(global, { TextEncoder, TextDecoder, setImmediate, clearImmediate })
