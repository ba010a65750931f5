import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { callApi } from '@/services/api'
import { ApiError } from '@/services/apiError'
import { setSession } from '@/services/session'
import { DraftForm } from '@/features/motions/ui/DraftForm'
import { validateDraft, newDraft } from '@/features/motions/draftForm'
import { makeSession, typeInto } from '../support/fixtures'
import { makeMotion } from '../support/motions'

jest.mock('@/services/api', () => ({ ...jest.requireActual('@/services/api'), callApi: jest.fn() }))
const api = callApi as jest.MockedFunction<typeof callApi>
const calls = (action: string) => api.mock.calls.filter((c) => c[0] === action)
const error = (key: string) => screen.queryByTestId(`field-error-${key}`)?.textContent

beforeEach(() => setSession(makeSession({ roles: ['committee'] })))
afterEach(() => api.mockReset())

describe('起草议题', () => {
  it('refuses an empty form with the schema’s Chinese messages, per article; nothing sent', async () => {
    render(<DraftForm userId='u-c' id={null} onSaved={jest.fn()} />)
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(error('title')).toBe('请填写标题'))
    expect(error('articles.0')).toBe('请填写条文')
    expect(calls('motion.create')).toHaveLength(0)
  })

  it('adds and removes articles (never below one), then creates a rules motion with a requestId', async () => {
    const onSaved = jest.fn()
    api.mockImplementation((() => Promise.resolve(makeMotion('m-new', { status: 'draft' }))) as typeof callApi)
    render(<DraftForm userId='u-c' id={null} onSaved={onSaved} />)
    expect(screen.queryByTestId('article-remove-0')).toBeNull()
    typeInto(screen.getByTestId('draft-title'), '文明养犬公约')
    typeInto(screen.getByTestId('article-text-0'), '出门牵绳')
    fireEvent.click(screen.getByTestId('article-add'))
    typeInto(screen.getByTestId('article-text-1'), '要删掉的一条')
    fireEvent.click(screen.getByTestId('article-add'))
    typeInto(screen.getByTestId('article-text-2'), '及时清理粪便')
    expect(screen.getByTestId('draft-articles').textContent).toContain('条文（3 条）')
    expect(screen.getByTestId('draft-articles').textContent).toContain('第三条')
    fireEvent.click(screen.getByTestId('article-remove-1'))
    expect(screen.getByTestId('draft-articles').textContent).toContain('条文（2 条）')
    // a rules motion has fixed choices: no option list
    expect(screen.queryByTestId('option-0')).toBeNull()
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const [, input, opts] = calls('motion.create')[0]!
    expect(input).toMatchObject({ title: '文明养犬公约', kind: 'rules', eligibility: 'adults', articles: [{ text: '出门牵绳' }, { text: '及时清理粪便' }] })
    expect(input).not.toHaveProperty('options')
    expect(opts?.requestId).toEqual(expect.any(String))
  })

  it('a matter needs 2–6 options: an empty option is refused in its row; more than six cannot be added', async () => {
    api.mockImplementation((() => Promise.resolve(makeMotion('m-new', { status: 'draft', kind: 'matter' }))) as typeof callApi)
    const onSaved = jest.fn()
    render(<DraftForm userId='u-c' id={null} onSaved={onSaved} />)
    typeInto(screen.getByTestId('draft-title'), '停车位怎么划')
    typeInto(screen.getByTestId('article-text-0'), '小区东侧空地用于停车')
    fireEvent.click(screen.getByTestId('draft-kind-matter'))
    expect(screen.getByTestId('option-1')).toBeTruthy()
    expect(screen.queryByTestId('option-remove-0')).toBeNull()
    typeInto(screen.getByTestId('option-text-0'), '划线停车')
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(error('options.1')).toBe('请填写选项'))
    expect(calls('motion.create')).toHaveLength(0)
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByTestId('option-add'))
    expect(screen.queryByTestId('option-add')).toBeNull()
    expect(screen.getByText('最多 6 项')).toBeTruthy()
    for (let i = 5; i >= 2; i--) fireEvent.click(screen.getByTestId(`option-remove-${i}`))
    typeInto(screen.getByTestId('option-text-1'), '维持现状')
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    expect(calls('motion.create')[0]![1]).toMatchObject({ kind: 'matter', options: ['划线停车', '维持现状'] })
  })

  it('times across fields: the vote must end after it starts and consultation before it; a server refusal lands on its field', async () => {
    const f = { ...newDraft(new Date('2030-01-01T08:00:00+08:00')), title: 'T', articles: ['A'] }
    expect(validateDraft({ ...f, voteUntil: f.voteFrom }, { creating: true, now: new Date('2030-01-01T08:00:00+08:00') }).errors.voteUntil).toBe('表决结束时间应晚于开始时间')
    expect(validateDraft({ ...f, consultUntil: f.voteUntil }, { creating: true, now: new Date('2030-01-01T08:00:00+08:00') }).errors.consultUntil).toBe('征求意见应在表决开始前结束')
    expect(validateDraft(f, { creating: true, now: new Date('2031-01-01T08:00:00+08:00') }).errors.voteFrom).toBe('表决开始时间应晚于现在')
    expect(validateDraft(f, { creating: true, now: new Date('2030-01-01T08:00:00+08:00') }).input).not.toBeNull()

    api.mockImplementation((() => Promise.reject(new ApiError('INVALID_INPUT', '标题最多 60 个字', [{ path: 'title', message: '标题最多 60 个字' }]))) as typeof callApi)
    render(<DraftForm userId='u-c' id={null} onSaved={jest.fn()} />)
    typeInto(screen.getByTestId('draft-title'), '标题')
    typeInto(screen.getByTestId('article-text-0'), '条文')
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(error('title')).toBe('标题最多 60 个字'))
    expect(screen.getByTestId('draft-submit-error').textContent).toContain('没有保存成功')
  })

  it('editing a motion in consultation: kind and who votes are fixed, the update carries the articles and no kind', async () => {
    const m = makeMotion('m-1', { status: 'consultation' })
    api.mockImplementation(((action: string) => Promise.resolve(action === 'motion.get' ? m : { ...m, articles: [{ text: '改过的第一条' }] })) as typeof callApi)
    const onSaved = jest.fn()
    render(<DraftForm userId='u-c' id='m-1' onSaved={onSaved} />)
    await screen.findByTestId('draft-published-note')
    expect(screen.queryByTestId('draft-kind-matter')).toBeNull()
    expect(screen.getByTestId('draft-articles').textContent).toContain('条文（3 条）')
    typeInto(screen.getByTestId('article-text-0'), '改过的第一条')
    fireEvent.click(screen.getByTestId('draft-submit'))
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'm-1' }), false))
    const input = calls('motion.update')[0]![1] as Record<string, unknown>
    expect(input).toMatchObject({ id: 'm-1', articles: [{ text: '改过的第一条' }, { text: '垃圾分类投放，不高空抛物。' }, { text: '文明养犬，出门牵绳。' }] })
    expect(input).not.toHaveProperty('kind')
    expect(input).not.toHaveProperty('eligibility')
  })
})
