import Taro from '@tarojs/taro'
import { ApiError } from './apiError'
import { getToken } from './session'

/**
 * Opens an exported file (issue 19). Two kinds of address:
 * - the server's signed `/exports/<id>?e=&s=`: the address alone is not enough, the server also wants the session's
 *   bearer token, so that only the exporter gets the file;
 * - on the cloud function, an https temporary URL of cloud storage (short-lived, given to the exporter only): no
 *   token (the cloud door has none), fetched as it is.
 * weapp: Taro.downloadFile, then Taro.openDocument with the menu shown (转发, 用其他应用打开); H5: fetched and saved
 * under its Chinese name through a blob link.
 */
export async function openSignedFile(url: string, fileName: string): Promise<void> {
  const onServer = url.startsWith('/') && !url.startsWith('//')
  const token = onServer ? getToken() : null
  if (onServer && !token) throw new ApiError('UNAUTHENTICATED')
  const full = onServer ? `${API_BASE.replace(/\/+$/, '')}${url}` : url
  const header: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile(token ? { url: full, header } : { url: full }).catch(() => {
      throw new ApiError('NETWORK')
    })
    if (res.statusCode !== 200) throw new ApiError(res.statusCode === 404 ? 'NOT_FOUND' : 'FORBIDDEN', '文件下载失败，请重新导出')
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const res = await fetch(full, token ? { headers: header } : {}).catch(() => {
    throw new ApiError('NETWORK')
  })
  if (!res.ok) throw new ApiError(res.status === 404 ? 'NOT_FOUND' : 'FORBIDDEN', '文件下载失败，请重新导出')
  const link = URL.createObjectURL(await res.blob())
  try {
    const a = document.createElement('a')
    a.href = link
    a.download = fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
  } finally {
    setTimeout(() => URL.revokeObjectURL(link), 10_000)
  }
}
