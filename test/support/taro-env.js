// What Taro's build defines as globals, for components rendered in jsdom.
process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
global.ENABLE_INNER_HTML = true
global.ENABLE_ADJACENT_HTML = true
global.ENABLE_SIZE_APIS = true
global.ENABLE_TEMPLATE_CONTENT = true
global.ENABLE_CLONE_NODE = true
global.ENABLE_CONTAINS = true
global.ENABLE_MUTATION_OBSERVER = false
global.DEPRECATED_ADAPTER_COMPONENT = false
global.API_BASE = 'http://api.test'
// as config/index.ts defines it at build time
global.READ_ACTIONS = require('../../src/domain/contract').READ_ACTION_NAMES
global.defineAppConfig = (c) => c
global.definePageConfig = (c) => c
