/**
 * The photo upload seam (src/services/upload.ts) with Taro's APIs mocked: compression per platform,
 * POST <API base>/upload with the bearer token, progress, the envelope's error as ApiError, one retry.
 */
import Taro from '@tarojs/taro'
import { ApiError } from '@/services/apiError'
import { clearSession, setSession } from '@/services/session'
import { photoSrc, uploadPhoto } from '@/services/upload'
import { makeSession } from '../support/fixtures'

type UploadOptions = { url: string; filePath: string; name: string; header: Record<string, string>; timeout: number }
type ProgressCb = (res: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void

let uploadFile: jest.SpyInstance

/** What Taro.uploadFile returns: a promise that is also the UploadTask. */
function task(result: () => Promise<{ statusCode: number; data: unknown }>, progress: number[] = []) {
  let cb: ProgressCb | null = null
  const p = Promise.resolve().then(async () => {
    for (const n of progress) cb?.({ progress: n, totalBytesSent: n, totalBytesExpectedToSend: 100 })
    return result()
  }) as Promise<unknown> & { onProgressUpdate(fn: ProgressCb): void; abort(): void }
  p.onProgressUpdate = (fn) => {
    cb = fn
  }
  p.abort = () => undefined
  return p
}

const ok = (fileId: string) => () => Promise.resolve({ statusCode: 200, data: JSON.stringify({ ok: true, data: { fileId } }), errMsg: 'uploadFile:ok' })
const refused = (statusCode: number, code: string, message: string) => () =>
  Promise.resolve({ statusCode, data: JSON.stringify({ ok: false, error: { code, message } }), errMsg: 'uploadFile:ok' })
const broken = () => Promise.reject({ errMsg: 'uploadFile:fail timeout' })

const sent = (call = 0) => uploadFile.mock.calls[call][0] as UploadOptions

beforeEach(() => {
  setSession(makeSession())
  uploadFile = jest.spyOn(Taro, 'uploadFile')
})
afterEach(() => {
  jest.restoreAllMocks()
  clearSession()
})

describe('uploadPhoto on weapp', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
  })

  it('compresses a file over 300 KB at quality 70, uploads the result as field `file` with the token, reports progress', async () => {
    jest.spyOn(Taro, 'getFileInfo').mockResolvedValue({ size: 2_000_000, errMsg: 'getFileInfo:ok' } as never)
    const compress = jest.spyOn(Taro, 'compressImage').mockResolvedValue({ tempFilePath: 'wxfile://tmp/small.jpg', errMsg: 'compressImage:ok' })
    uploadFile.mockImplementation(() => task(ok('f1'), [10, 55.4, 100]))
    const seen: number[] = []

    await expect(uploadPhoto('wxfile://tmp/big.jpg', (p) => seen.push(p))).resolves.toEqual({ fileId: 'f1' })

    expect(compress).toHaveBeenCalledWith({ src: 'wxfile://tmp/big.jpg', quality: 70 })
    const opts = sent()
    expect(opts.url).toBe('http://api.test/upload')
    expect(opts.filePath).toBe('wxfile://tmp/small.jpg')
    expect(opts.name).toBe('file')
    expect(opts.header.Authorization).toBe('Bearer token-abc')
    expect(seen).toEqual([10, 55, 100])
  })

  it('sends a file of 300 KB or less as it is', async () => {
    jest.spyOn(Taro, 'getFileInfo').mockResolvedValue({ size: 300 * 1024, errMsg: 'getFileInfo:ok' } as never)
    const compress = jest.spyOn(Taro, 'compressImage')
    uploadFile.mockImplementation(() => task(ok('f2')))
    await expect(uploadPhoto('wxfile://tmp/s.jpg')).resolves.toEqual({ fileId: 'f2' })
    expect(compress).not.toHaveBeenCalled()
    expect(sent().filePath).toBe('wxfile://tmp/s.jpg')
  })

  it('a failed compression does not block the upload: the original goes', async () => {
    jest.spyOn(Taro, 'getFileInfo').mockResolvedValue({ size: 900_000, errMsg: 'getFileInfo:ok' } as never)
    jest.spyOn(Taro, 'compressImage').mockRejectedValue({ errMsg: 'compressImage:fail' })
    uploadFile.mockImplementation(() => task(ok('f3')))
    await expect(uploadPhoto('wxfile://tmp/o.jpg')).resolves.toEqual({ fileId: 'f3' })
    expect(sent().filePath).toBe('wxfile://tmp/o.jpg')
  })
})

describe('uploadPhoto: replies and failures', () => {
  beforeEach(() => {
    jest.spyOn(Taro, 'getEnv').mockReturnValue(Taro.ENV_TYPE.WEAPP)
    jest.spyOn(Taro, 'getFileInfo').mockResolvedValue({ size: 1000, errMsg: 'getFileInfo:ok' } as never)
  })

  it.each([
    [400, 'INVALID_INPUT', '只能上传 JPG、PNG 或 WebP 图片'],
    [413, 'PAYLOAD_TOO_LARGE', '图片不能超过 5 MB，请压缩后再上传'],
    [401, 'UNAUTHENTICATED', '登录已失效，请重新登录'],
  ])('an error envelope (%i) → the ApiError callApi would throw, with the server message, no retry', async (status, code, message) => {
    uploadFile.mockImplementation(() => task(refused(status, code, message)))
    const err = (await uploadPhoto('a.jpg').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe(code)
    expect(err.message).toBe(message)
    expect(uploadFile).toHaveBeenCalledTimes(1)
  })

  it('a network failure is retried once, then succeeds', async () => {
    uploadFile.mockImplementationOnce(() => task(broken)).mockImplementationOnce(() => task(ok('f4')))
    await expect(uploadPhoto('a.jpg')).resolves.toEqual({ fileId: 'f4' })
    expect(uploadFile).toHaveBeenCalledTimes(2)
  })

  it('two network failures → ApiError NETWORK with the Chinese message', async () => {
    uploadFile.mockImplementation(() => task(broken))
    const err = (await uploadPhoto('a.jpg').catch((e: unknown) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('NETWORK')
    expect(err.message).toBe('网络不好，请稍后重试')
    expect(uploadFile).toHaveBeenCalledTimes(2)
  })

  it('a gateway page instead of the envelope is a network failure; other non-envelope replies are INTERNAL', async () => {
    uploadFile.mockImplementation(() => task(() => Promise.resolve({ statusCode: 502, data: '<html>Bad Gateway</html>' })))
    await expect(uploadPhoto('a.jpg')).rejects.toMatchObject({ code: 'NETWORK' })
    uploadFile.mockReset().mockImplementation(() => task(() => Promise.resolve({ statusCode: 200, data: 'not json' })))
    await expect(uploadPhoto('a.jpg')).rejects.toMatchObject({ code: 'INTERNAL' })
  })

  it('signed out → UNAUTHENTICATED without sending anything', async () => {
    clearSession()
    await expect(uploadPhoto('a.jpg')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    expect(uploadFile).not.toHaveBeenCalled()
  })
})

describe('uploadPhoto on H5', () => {
  it('draws onto a canvas with the longest side 1600 px, white under transparency, JPEG 0.8; uploads that blob and frees it', async () => {
    expect(Taro.getEnv()).toBe(Taro.ENV_TYPE.WEB)
    class FakeImage {
      naturalWidth = 4000
      naturalHeight = 3000
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      set src(_v: string) {
        setTimeout(() => this.onload?.(), 0)
      }
    }
    const realImage = window.Image
    window.Image = FakeImage as unknown as typeof Image
    const ctx = { fillStyle: '', fillRect: jest.fn(), drawImage: jest.fn() }
    jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never)
    const toBlob = jest
      .spyOn(HTMLCanvasElement.prototype, 'toBlob')
      .mockImplementation(function (this: HTMLCanvasElement, cb: BlobCallback) {
        cb(new Blob(['jpeg'], { type: 'image/jpeg' }))
      })
    const realCreate = URL.createObjectURL
    const realRevoke = URL.revokeObjectURL
    const created: string[] = []
    const revoked: string[] = []
    URL.createObjectURL = jest.fn(() => {
      created.push('blob:http://localhost/compressed')
      return 'blob:http://localhost/compressed'
    })
    URL.revokeObjectURL = jest.fn((u: string) => void revoked.push(u))
    uploadFile.mockImplementation(() => task(ok('h1')))
    try {
      await expect(uploadPhoto('blob:http://localhost/picked')).resolves.toEqual({ fileId: 'h1' })
    } finally {
      window.Image = realImage
      URL.createObjectURL = realCreate
      URL.revokeObjectURL = realRevoke
    }
    const canvas = toBlob.mock.instances[0] as unknown as HTMLCanvasElement
    expect([canvas.width, canvas.height]).toEqual([1600, 1200])
    expect(toBlob.mock.calls[0]!.slice(1)).toEqual(['image/jpeg', 0.8])
    expect(ctx.fillRect).toHaveBeenCalledWith(0, 0, 1600, 1200)
    expect(ctx.drawImage).toHaveBeenCalledWith(expect.any(FakeImage), 0, 0, 1600, 1200)
    expect(sent().filePath).toBe('blob:http://localhost/compressed')
    expect(revoked).toEqual(created)
    expect(revoked).not.toContain('blob:http://localhost/picked')
  })
})

describe('photoSrc', () => {
  const g = globalThis as unknown as { API_BASE: string }
  const base = g.API_BASE
  afterEach(() => {
    g.API_BASE = base
  })

  it('makes a signed /files path absolute against the API base (weapp)', () => {
    expect(photoSrc('/files/abc?e=1&s=x-y')).toBe('http://api.test/files/abc?e=1&s=x-y')
    g.API_BASE = 'https://gz.example.cn/'
    expect(photoSrc('/files/abc?e=1&s=z')).toBe('https://gz.example.cn/files/abc?e=1&s=z')
  })

  it('leaves it unchanged on H5 served by the same origin, and leaves absolute addresses alone', () => {
    g.API_BASE = ''
    expect(photoSrc('/files/abc?e=1&s=z')).toBe('/files/abc?e=1&s=z')
    g.API_BASE = 'http://api.test'
    for (const u of ['https://cdn.example.cn/a.jpg', 'cloud://env-1/a.jpg', 'blob:http://x/1', '//evil.example/a.jpg']) {
      expect(photoSrc(u)).toBe(u)
    }
  })
})
