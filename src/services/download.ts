import Taro from '@tarojs/taro'
import { ApiError } from './apiError'
import { getToken } from './session'

/**
 * Opens a file the server signed for the signed-in person (`/exports/<id>?e=&s=`, issue 19). The address alone is
 * not enough: the server also wants the session's bearer token, so that only the exporter gets the file.
 * - weapp: Taro.downloadFile with the token, then Taro.openDocument with the menu shown (转发, 用其他应用打开);
 * - H5: fetched with the token and saved under its Chinese name through a blob link.
 */
export async function openSignedFile(url: string, fileName: string): Promise<void> {
  const token = getToken()
  if (!token) throw new ApiError('UNAUTHENTICATED')
  const base = API_BASE.replace(/\/+$/, '')
  const full = url.startsWith('/') && !url.startsWith('//') ? `${base}${url}` : url
  const header = { Authorization: `Bearer ${token}` }
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.downloadFile({ url: full, header }).catch(() => {
      throw new ApiError('NETWORK')
    })
    if (res.statusCode !== 200) throw new ApiError(res.statusCode === 404 ? 'NOT_FOUND' : 'FORBIDDEN', '文件下载失败，请重新导出')
    await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
    return
  }
  const res = await fetch(full, { headers: header }).catch(() => {
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
