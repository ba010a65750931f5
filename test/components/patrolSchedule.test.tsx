import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import dayjs from 'dayjs'
import gcoord from 'gcoord'
import type { ShiftCreateInput } from '@/domain/patrols'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { loadDraft, saveDraft } from '@/services/drafts'
import { setSession } from '@/services/session'
import { ScheduleForm } from '@/features/patrols/ui/ScheduleForm'
import { EMPTY_SCHEDULE, type ScheduleFormValues as Form } from '@/features/patrols/scheduleForm'
import { scheduleDraftKey } from '@/features/patrols/useScheduleShift'
import { makeSession } from '../support/fixtures'
import { makeShift } from '../support/shifts'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const USER = 'u-committee-1'

function type(testid: string, value: string) {
  fireEvent.input(screen.getByTestId(testid), { target: { value } })
}
const errorOf = (field: string) => screen.queryByTestId(`field-error-${field}`)?.textContent ?? null

/** The pickers are the platform's own: the times come in through a saved draft, as after a reopened page. */
function withDraft(over: Partial<Form>) {
  saveDraft(scheduleDraftKey(USER), { ...EMPTY_SCHEDULE, ...over })
}

const tomorrow = dayjs().add(1, 'day').format('YYYY-MM-DD')
const FILLED: Partial<Form> = {
  title: '夜间治安巡逻',
  centre: { latitude: 30.2741, longitude: 120.1551 },
  meetingPoint: '社区服务中心门口',
  start: `${tomorrow} 19:00`,
  end: `${tomorrow} 21:00`,
  capacity: '6',
}

function renderForm() {
  const onScheduled = jest.fn()
  const onInvalid = jest.fn()
  render(<ScheduleForm userId={USER} onScheduled={onScheduled} onInvalid={onInvalid} />)
  return { onScheduled, onInvalid }
}

beforeEach(() => setSession(makeSession({ id: USER, roles: ['committee'] })))
afterEach(() => {
  api.mockReset()
  jest.restoreAllMocks()
})

describe('安排巡逻 form', () => {
  it('an empty form gets the shared schema’s Chinese messages per field and sends nothing', async () => {
    const { onInvalid } = renderForm()
    fireEvent.click(screen.getByTestId('schedule-submit'))
    expect(errorOf('title')).toBe('请填写标题')
    expect(errorOf('centre')).toBe('请设置巡逻区域的中心（集合点）')
    expect(errorOf('start')).toBe('请选择开始时间')
    expect(errorOf('end')).toBe('请选择结束时间')
    expect(errorOf('capacity')).toBe('人数上限必须是数字')
    expect(errorOf('radius')).toBeNull()
    await waitFor(() => expect(onInvalid).toHaveBeenCalled())
    expect(api).not.toHaveBeenCalled()
    // typing in a field clears its message
    type('input-title', '夜间巡逻')
    expect(errorOf('title')).toBeNull()
  })

  it('a restored draft with out-of-range numbers and an end before the start: each field says what is wrong', async () => {
    withDraft({ ...FILLED, radius: '3000', capacity: '0', end: `${tomorrow} 18:00`, repeat: true, weeks: '13' })
    renderForm()
    expect(screen.getByTestId('draft-restored')).toBeTruthy()
    fireEvent.click(screen.getByTestId('schedule-submit'))
    expect(errorOf('radius')).toBe('巡逻半径最多 2000 米')
    expect(errorOf('capacity')).toBe('人数上限至少 1 人')
    expect(errorOf('end')).toBe('结束时间应晚于开始时间')
    expect(errorOf('weeks')).toBe('每周重复最多 12 周')
    expect(api).not.toHaveBeenCalled()
    fireEvent.click(screen.getByTestId('discard-draft'))
    expect(screen.queryByTestId('draft-restored')).toBeNull()
    expect(loadDraft(scheduleDraftKey(USER))).toBeNull()
  })

  it.each([
    [{ radius: '20' }, 'radius', '巡逻半径至少 50 米'],
    [{ radius: '12.5' }, 'radius', '巡逻半径应为整数米'],
    [{ end: `${tomorrow} 23:30`, start: `${tomorrow} 06:00` }, 'end', '一个班次最长 12 小时'],
    [{ start: `${dayjs().subtract(1, 'day').format('YYYY-MM-DD')} 19:00`, end: `${dayjs().subtract(1, 'day').format('YYYY-MM-DD')} 21:00` }, 'start', '开始时间应晚于现在'],
    [{ capacity: '201' }, 'capacity', '人数上限最多 200 人'],
  ] as [Partial<Form>, string, string][])('%j → %s: %s', async (over, field, message) => {
    withDraft({ ...FILLED, ...over })
    renderForm()
    fireEvent.click(screen.getByTestId('schedule-submit'))
    expect(errorOf(field)).toBe(message)
    expect(api).not.toHaveBeenCalled()
  })

  it('sends one shift.create with a requestId kept across a retry; weekly repeat sends repeatWeeks; the draft is cleared', async () => {
    withDraft({ ...FILLED, note: '穿红马甲', repeat: true, weeks: '4' })
    let fail = true
    const shifts = [makeShift('n1'), makeShift('n2'), makeShift('n3'), makeShift('n4')]
    api.mockImplementation((async () => {
      if (fail) throw new ApiError('NETWORK')
      return { shifts }
    }) as typeof callApi)
    const { onScheduled } = renderForm()
    expect(screen.getByTestId('schedule-submit').textContent).toBe('安排巡逻（每周一次，共 4 周）')
    fireEvent.click(screen.getByTestId('schedule-submit'))
    expect((await screen.findByTestId('submit-error')).textContent).toContain('不会重复安排')
    fail = false
    fireEvent.click(screen.getByTestId('schedule-submit'))
    await waitFor(() => expect(onScheduled).toHaveBeenCalledWith(shifts))
    const calls = api.mock.calls.filter((c) => c[0] === 'shift.create')
    expect(calls).toHaveLength(2)
    const input = calls[0]![1] as ShiftCreateInput
    expect(input).toEqual({
      title: '夜间治安巡逻',
      area: { latitude: 30.2741, longitude: 120.1551, radius: 300 },
      meetingPoint: '社区服务中心门口',
      note: '穿红马甲',
      startAt: dayjs(`${tomorrow}T19:00`).format('YYYY-MM-DDTHH:mm:ssZ'),
      endAt: dayjs(`${tomorrow}T21:00`).format('YYYY-MM-DDTHH:mm:ssZ'),
      capacity: 6,
      repeatWeeks: 4,
    })
    const ids = calls.map((c) => (c[2] as { requestId: string }).requestId)
    expect(ids[0]).toBeTruthy()
    expect(ids[1]).toBe(ids[0])
    expect(loadDraft(scheduleDraftKey(USER))).toBeNull()
  })

  it('H5: 用我现在的位置 takes the browser’s WGS-84 position and keeps the centre in GCJ-02', async () => {
    const wgs = { latitude: 30.2741, longitude: 120.1551 }
    Object.defineProperty(window.navigator, 'geolocation', {
      value: { getCurrentPosition: (ok: PositionCallback) => ok({ coords: { ...wgs, accuracy: 12 } } as unknown as GeolocationPosition) },
      configurable: true,
    })
    renderForm()
    await act(async () => {
      fireEvent.click(screen.getByTestId('centre-take'))
    })
    await screen.findByTestId('centre-picked')
    const saved = loadDraft<Form>(scheduleDraftKey(USER))!.value.centre!
    const [lng, lat] = gcoord.transform([wgs.longitude, wgs.latitude], gcoord.WGS84, gcoord.GCJ02) as [number, number]
    expect(saved.latitude).toBeCloseTo(lat, 5)
    expect(saved.longitude).toBeCloseTo(lng, 5)
    // GCJ-02 is offset from WGS-84 by a few hundred metres in China: the conversion happened
    expect(Math.abs(saved.longitude - wgs.longitude)).toBeGreaterThan(0.002)
  })
})
