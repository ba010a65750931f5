import Taro from '@tarojs/taro'

/** A file's text: UTF-8 first; on H5 a file that is not UTF-8 (Excel's 另存为 CSV is often GBK) is read again as GB18030. */
export function readFileAsText(file: Blob): Promise<string> {
  const read = (encoding: string) =>
    new Promise<string>((resolve, reject) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result ?? ''))
      reader.onerror = () => reject(reader.error ?? new Error('read failed'))
      reader.readAsText(file, encoding)
    })
  return read('utf-8').then((text) => (text.includes('\uFFFD') ? read('gb18030').catch(() => text) : text))
}

export interface PickedFile {
  name: string
  text: string
}

/** weapp: pick a CSV from a chat (chooseMessageFile) and read it as UTF-8. null when the person cancels. */
export async function pickRosterFileWeapp(): Promise<PickedFile | null> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv'] })
  } catch {
    return null
  }
  const file = picked.tempFiles[0]
  if (!file) return null
  const text = await new Promise<string>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      encoding: 'utf8',
      success: (res) => resolve(String(res.data)),
      fail: (err) => reject(new Error(err.errMsg)),
    })
  })
  return { name: file.name, text }
}
