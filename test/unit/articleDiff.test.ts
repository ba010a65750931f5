import { diffRevisions, isUnchanged, type RevisionText } from '@/features/motions/articleDiff'

const rev = (articles: string[], title = '文明养犬公约', preamble: string | null = '为了邻里和睦。'): RevisionText => ({
  title,
  preamble,
  articles: articles.map((text) => ({ text })),
})

describe('diffRevisions: article-level changes between consecutive revisions', () => {
  it('no change: nothing reported (also when only surrounding spaces differ)', () => {
    const d = diffRevisions(rev(['甲', '乙', '丙']), rev(['甲', ' 乙 ', '丙']))
    expect(d).toEqual({ title: null, preamble: null, articles: [] })
    expect(isUnchanged(d)).toBe(true)
  })

  it('an article added at the end is one 新增 at its new place', () => {
    expect(diffRevisions(rev(['甲', '乙']), rev(['甲', '乙', '丙'])).articles).toEqual([{ type: 'added', index: 2, text: '丙' }])
  })

  it('an article removed in the middle is one 删除 at its old place, not a change of every article after it', () => {
    const d = diffRevisions(rev(['甲', '乙', '丙', '丁']), rev(['甲', '丙', '丁']))
    expect(d.articles).toEqual([{ type: 'removed', index: 1, text: '乙' }])
  })

  it('a changed article carries its old and new text, and where it stood before', () => {
    const d = diffRevisions(rev(['甲', '乙', '丙']), rev(['甲', '乙（修改后）', '丙']))
    expect(d.articles).toEqual([{ type: 'changed', index: 1, oldIndex: 1, oldText: '乙', newText: '乙（修改后）' }])
    expect(isUnchanged(d)).toBe(false)
  })

  it('a change after a removal: the new place and the old place differ', () => {
    const d = diffRevisions(rev(['甲', '乙', '丙', '丁']), rev(['乙', '丙二', '丁']))
    expect(d.articles).toEqual([
      { type: 'removed', index: 0, text: '甲' },
      { type: 'changed', index: 1, oldIndex: 2, oldText: '丙', newText: '丙二' },
    ])
  })

  it('in one gap, more new than old: pairs in order become 修改, the rest 新增', () => {
    const d = diffRevisions(rev(['甲', '乙', '戊']), rev(['甲', '乙二', '新条', '戊']))
    expect(d.articles).toEqual([
      { type: 'changed', index: 1, oldIndex: 1, oldText: '乙', newText: '乙二' },
      { type: 'added', index: 2, text: '新条' },
    ])
  })

  it('everything replaced; an empty side', () => {
    expect(diffRevisions(rev(['甲']), rev(['乙', '丙'])).articles).toEqual([
      { type: 'changed', index: 0, oldIndex: 0, oldText: '甲', newText: '乙' },
      { type: 'added', index: 1, text: '丙' },
    ])
    expect(diffRevisions(rev([]), rev(['甲'])).articles).toEqual([{ type: 'added', index: 0, text: '甲' }])
    expect(diffRevisions(rev(['甲']), rev([])).articles).toEqual([{ type: 'removed', index: 0, text: '甲' }])
  })

  it('title and preamble changes are reported apart from the articles (a cleared preamble is "")', () => {
    const d = diffRevisions(rev(['甲'], '旧标题', '旧说明'), rev(['甲'], '新标题', null))
    expect(d.title).toEqual({ old: '旧标题', new: '新标题' })
    expect(d.preamble).toEqual({ old: '旧说明', new: '' })
    expect(d.articles).toEqual([])
    expect(isUnchanged(d)).toBe(false)
    expect(diffRevisions(rev(['甲'], 'T', null), rev(['甲'], 'T', '')).preamble).toBeNull()
  })

  it('a duplicate article text is aligned once', () => {
    expect(diffRevisions(rev(['甲', '甲', '乙']), rev(['甲', '乙'])).articles).toEqual([{ type: 'removed', index: 1, text: '甲' }])
  })
})
