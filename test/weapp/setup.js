// jsdom lacks these; the in-process API (jose, better-sqlite3 callers) needs Node's.
const { TextEncoder, TextDecoder } = require('node:util')
Object.assign(global, { TextEncoder, TextDecoder })
