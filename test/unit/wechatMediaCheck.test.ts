/**
 * cloud.openapi.security.mediaCheckAsync through the cloud function's 云调用 (issue 14): each kind of answer the SDK
 * gives — a trace id, WeChat's errcode thrown as the SDK's error, an errcode in the reply, no trace id, WeChat not
 * reached, no address for the photo — is either a trace id or ImageCheckUnavailable (the photo stays pending).
 */
import { cloudImageCheck, ImageCheckUnavailable, type CloudMediaCheckApi } from '../../cloud/adapters/wechat/mediaCheck'

type Reply = Awaited<ReturnType<CloudMediaCheckApi['security']['mediaCheckAsync']>>

function api(answer: () => Promise<Reply>) {
  const calls: unknown[] = []
  return {
    calls,
    openapi: { security: { mediaCheckAsync: async (args: unknown) => (calls.push(args), answer()) } } as CloudMediaCheckApi,
  }
}
const urlOf = async (path: string) => `https://tmp.example/${path}?sign=1`

test('asks for an image (type 2), version 2, scene 论坛, with the temporary address and openid; answers the trace id', async () => {
  const a = api(async () => ({ errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId: 'tr-1' }))
  expect(await cloudImageCheck(a.openapi, urlOf).ask({ path: 'ab/f1.jpg', openid: 'o1' })).toEqual({ traceId: 'tr-1' })
  expect(a.calls).toEqual([{ mediaUrl: 'https://tmp.example/ab/f1.jpg?sign=1', mediaType: 2, version: 2, openid: 'o1', scene: 3 }])
  const snake = api(async () => ({ errCode: 0, trace_id: 'tr-2' }))
  expect(await cloudImageCheck(snake.openapi, urlOf).ask({ path: 'p', openid: 'o1' })).toEqual({ traceId: 'tr-2' })
})

test.each([
  ['the SDK throws WeChat\'s errcode', async () => Promise.reject(Object.assign(new Error('x'), { errCode: 61010, errMsg: 'code is expired' })), 61010],
  ['an errcode in the reply', async () => ({ errCode: 45009, errMsg: 'reach max api daily quota limit' }), 45009],
  ['no trace id', async () => ({ errCode: 0 }), null],
  ['WeChat not reached', async () => Promise.reject(new Error('ECONNRESET')), null],
] as [string, () => Promise<Reply>, number | null][])('%s: ImageCheckUnavailable', async (_name, answer, errcode) => {
  const err = await cloudImageCheck(api(answer).openapi, urlOf).ask({ path: 'p', openid: 'o1' }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ImageCheckUnavailable)
  expect((err as ImageCheckUnavailable).errcode).toBe(errcode)
})

test('no temporary address for the photo: not asked, unavailable', async () => {
  const a = api(async () => ({ errCode: 0, traceId: 'x' }))
  await expect(cloudImageCheck(a.openapi, async () => null).ask({ path: 'p', openid: 'o1' })).rejects.toBeInstanceOf(ImageCheckUnavailable)
  await expect(cloudImageCheck(a.openapi, async () => Promise.reject(new Error('storage down'))).ask({ path: 'p', openid: 'o1' })).rejects.toBeInstanceOf(ImageCheckUnavailable)
  expect(a.calls).toEqual([])
})
