/** callApi and a database that cannot answer (UNAVAILABLE, 503): reads are tried once more, writes are not. */
import { ApiError, callApi, setTransport } from '@/services/api'
import { httpTransport } from '@/services/transport'

const unavailable = { status: 503, body: { ok: false, error: { code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' } } }
const ok = (data: unknown) => ({ status: 200, body: { ok: true, data } })

afterEach(() => setTransport(httpTransport))

test('a read met by UNAVAILABLE is sent once more and its answer returned', async () => {
  const sent: unknown[] = []
  const replies = [unavailable, ok({ items: [], nextCursor: null })]
  setTransport(async (event) => {
    sent.push(event)
    return replies.shift()!
  })
  await expect(callApi('notice.list', {})).resolves.toEqual({ items: [], nextCursor: null })
  expect(sent).toHaveLength(2)
})

test('a write met by UNAVAILABLE is not resent by itself: the caller gets the retryable code and its Chinese message', async () => {
  let calls = 0
  setTransport(async () => {
    calls++
    return unavailable
  })
  const err = await callApi('notice.confirm', { id: 'n1' }, { requestId: 'req-unavailable-1' }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'UNAVAILABLE', message: '服务暂时不可用，请稍后重试' })
  expect(calls).toBe(1)
})
