// useDraftSubmit: the attempt kept in a draft makes a re-send the same write, also for drafts an earlier build saved.
import { act, renderHook } from '@testing-library/react'
import { clearDraft, loadDraft, saveDraft } from '@/services/drafts'
import { useDraftSubmit } from '@/features/common/useDraftSubmit'

interface Form {
  title: string
}
interface Input {
  title: string
}
const KEY = 'test.draftSubmit'
const empty = (): Form => ({ title: '' })
const isEmpty = (f: Form) => !f.title
const inputOf = (f: Form): Input | null => (f.title ? { title: f.title.trim() } : null)

function mount(send: jest.Mock) {
  return renderHook(() => useDraftSubmit<Form, Input, string>({ key: KEY, empty, isEmpty, send, inputOf }))
}

beforeEach(() => clearDraft(KEY))

test('a send whose reply was lost is re-sent from the reopened page with the same requestId', async () => {
  const send = jest.fn().mockRejectedValueOnce(new Error('network')).mockResolvedValue('ok')
  const first = mount(send)
  act(() => first.result.current.setForm({ title: '路灯坏了' }))
  await act(async () => void (await first.result.current.submit({ title: '路灯坏了' })))
  first.unmount()

  const again = mount(send)
  expect(again.result.current.form).toEqual({ title: '路灯坏了' })
  await act(async () => void (await again.result.current.submit({ title: '路灯坏了' })))
  expect(send).toHaveBeenCalledTimes(2)
  expect(send.mock.calls[1][1]).toBe(send.mock.calls[0][1])
  expect(loadDraft(KEY)).toBeNull()
})

test("an earlier build's draft with a bare requestId: the form it was sent from is sent again with that id", async () => {
  saveDraft(KEY, { title: '楼道堆物', requestId: 'r-legacy-1' })
  const send = jest.fn().mockResolvedValue('ok')
  const { result } = mount(send)
  await act(async () => void (await result.current.submit({ title: '楼道堆物' })))
  expect(send).toHaveBeenCalledWith({ title: '楼道堆物' }, 'r-legacy-1')
})

test("an earlier build's draft with its attempt beside the form: that attempt's id", async () => {
  saveDraft(KEY, { title: '申请认证', attempt: { input: { title: '申请认证' }, requestId: 'r-legacy-2' } })
  const send = jest.fn().mockResolvedValue('ok')
  const { result } = mount(send)
  expect(result.current.form).toEqual({ title: '申请认证' })
  await act(async () => void (await result.current.submit({ title: '申请认证' })))
  expect(send).toHaveBeenCalledWith({ title: '申请认证' }, 'r-legacy-2')
})

test('a draft that is not an object any more (storage written by something else) opens an empty form', () => {
  saveDraft(KEY, null)
  const { result } = mount(jest.fn())
  expect(result.current.form).toEqual({ title: '' })
  expect(result.current.restoredAt).toBeNull()
})

test('different input after the lost send is a new attempt with a new id', async () => {
  saveDraft(KEY, { title: '旧内容', requestId: 'r-legacy-3' })
  const send = jest.fn().mockResolvedValue('ok')
  const { result } = mount(send)
  await act(async () => void (await result.current.submit({ title: '新内容' })))
  expect(send.mock.calls[0][1]).not.toBe('r-legacy-3')
})
