// A LOCAL STAND-IN for wx-server-sdk's cloud storage (uploadFile, downloadFile, deleteFile, getTempFileURL), for
// running the bundled cloud function here: no WeChat account, no CloudBase. Files are kept in a plain folder,
// GONGZHI_STANDIN_STORAGE (else a temp folder of this process); a fileID is `cloud://<STANDIN_ENV>.<bucket>/<path>`
// and a "temporary URL" a made-up https address naming the path and its expiry (nothing serves it: tests map it
// back to the folder with the exported helpers). Shapes as documented for wx-server-sdk; not the real service.
'use strict'
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { pipeline } = require('node:stream/promises')

const STANDIN_ENV = 'standin-env'
const BUCKET = '7374-standin-env-1300000000'
const PREFIX = `cloud://${STANDIN_ENV}.${BUCKET}/`
const root = () => process.env.GONGZHI_STANDIN_STORAGE || path.join(os.tmpdir(), `gongzhi-standin-storage-${process.pid}`)

function fileOf(cloudPath) {
  if (typeof cloudPath !== 'string' || !/^[A-Za-z0-9_.\-/]+$/.test(cloudPath) || cloudPath.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw Object.assign(new Error(`invalid cloudPath ${JSON.stringify(cloudPath)} (stand-in)`), { errCode: -501001 })
  }
  return path.join(root(), ...cloudPath.split('/'))
}
function pathOfId(fileID) {
  if (typeof fileID !== 'string' || !fileID.startsWith(PREFIX)) {
    throw Object.assign(new Error(`STORAGE_FILE_NONEXIST: ${fileID} (stand-in)`), { errCode: -503003, errMsg: 'downloadFile:fail STORAGE_FILE_NONEXIST' })
  }
  return fileID.slice(PREFIX.length)
}

module.exports = {
  STANDIN_ENV,
  STANDIN_FILE_PREFIX: PREFIX,
  async uploadFile({ cloudPath, fileContent }) {
    const file = fileOf(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // a Buffer or an fs.ReadStream, as documented
    if (Buffer.isBuffer(fileContent)) fs.writeFileSync(file, fileContent)
    else if (fileContent instanceof fs.ReadStream) await pipeline(fileContent, fs.createWriteStream(file))
    else throw Object.assign(new Error('fileContent must be a Buffer or an fs.ReadStream (stand-in)'), { errCode: -501001 })
    return { fileID: PREFIX + cloudPath, statusCode: 200, errMsg: 'uploadFile:ok (stand-in)' }
  },
  async downloadFile({ fileID }) {
    const file = fileOf(pathOfId(fileID))
    if (!fs.existsSync(file)) {
      throw Object.assign(new Error('downloadFile:fail STORAGE_FILE_NONEXIST (stand-in)'), { errCode: -503003, errMsg: 'downloadFile:fail STORAGE_FILE_NONEXIST' })
    }
    return { fileContent: fs.readFileSync(file), statusCode: 200, errMsg: 'downloadFile:ok (stand-in)' }
  },
  async deleteFile({ fileList }) {
    return {
      fileList: fileList.map((fileID) => {
        try {
          fs.rmSync(fileOf(pathOfId(fileID)), { force: true })
          return { fileID, status: 0, errMsg: 'ok' }
        } catch (err) {
          return { fileID, status: -1, errMsg: String(err.message) }
        }
      }),
      errMsg: 'deleteFile:ok (stand-in)',
    }
  },
  async getTempFileURL({ fileList }) {
    if (!Array.isArray(fileList) || fileList.length > 50) throw Object.assign(new Error('getTempFileURL: at most 50 files (stand-in)'), { errCode: -501001 })
    return {
      fileList: fileList.map((item) => {
        const fileID = typeof item === 'string' ? item : item.fileID
        const maxAge = typeof item === 'string' ? 86400 : item.maxAge
        let cloudPath
        try {
          cloudPath = pathOfId(fileID)
        } catch {
          return { fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }
        }
        if (!fs.existsSync(fileOf(cloudPath))) return { fileID, tempFileURL: '', status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' }
        const t = Math.floor(Date.now() / 1000) + maxAge
        return { fileID, tempFileURL: `https://${BUCKET}.tcb.qcloud.la/${cloudPath}?sign=standin&t=${t}`, maxAge, status: 0, errMsg: 'ok' }
      }),
      errMsg: 'getTempFileURL:ok (stand-in)',
    }
  },
}
