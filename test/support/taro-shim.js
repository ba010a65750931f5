// @tarojs/taro for jsdom: the H5 implementation, default and named exports merged,
// plus the React hooks of Taro's React runtime (which need createH5NativeComponentConfig once).
const React = require('react')
const ReactDOM = require('react-dom')
const h5 = require('@tarojs/taro-h5')
const runtime = require('@tarojs/plugin-framework-react/dist/runtime')

runtime.createH5NativeComponentConfig(null, React, ReactDOM)

const Taro = Object.assign({}, h5.default || {}, h5, runtime)
Taro.default = Taro
module.exports = Taro
