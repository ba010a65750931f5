import type { MotionArticle } from '@/domain/motions'

/** One revision's text as the diff reads it (MotionRevisionView has these fields). */
export interface RevisionText {
  title: string
  preamble: string | null
  articles: MotionArticle[]
}

/**
 * An article-level change between two consecutive revisions. `index` is 0-based: for `added` and `changed`
 * the article's place in the NEW text, for `removed` its place in the OLD text; `oldIndex` says where a
 * changed article stood before (it differs when articles before it were added or removed).
 */
export type ArticleChange =
  | { type: 'added'; index: number; text: string }
  | { type: 'removed'; index: number; text: string }
  | { type: 'changed'; index: number; oldIndex: number; oldText: string; newText: string }

export interface RevisionDiff {
  title: { old: string; new: string } | null
  preamble: { old: string; new: string } | null
  articles: ArticleChange[]
}

const norm = (s: string | null | undefined) => (s ?? '').trim()

/** Longest common subsequence of the two article lists (exact text), as pairs of indexes in order. */
function commonPairs(a: string[], b: string[]): [number, number][] {
  const n = a.length
  const m = b.length
  // len[i][j]: LCS length of a[i..] and b[j..]
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      len[i]![j] = a[i] === b[j] ? len[i + 1]![j + 1]! + 1 : Math.max(len[i + 1]![j]!, len[i]![j + 1]!)
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j])
      i++
      j++
    } else if (len[i + 1]![j]! >= len[i]![j + 1]!) i++
    else j++
  }
  return pairs
}

/**
 * What changed from one revision to the next. Articles kept word for word are aligned (so an article removed
 * in the middle is one 删除, not a run of 修改 of the ones after it); between two kept articles, the old ones
 * left and the new ones arrived are paired in order as 修改, and the rest are 删除 or 新增. Changes come in the
 * order of the new text, a removal where it stood.
 */
export function diffRevisions(before: RevisionText, after: RevisionText): RevisionDiff {
  const a = before.articles.map((x) => norm(x.text))
  const b = after.articles.map((x) => norm(x.text))
  const changes: ArticleChange[] = []
  const gap = (i0: number, i1: number, j0: number, j1: number) => {
    const paired = Math.min(i1 - i0, j1 - j0)
    for (let k = 0; k < paired; k++) changes.push({ type: 'changed', index: j0 + k, oldIndex: i0 + k, oldText: a[i0 + k]!, newText: b[j0 + k]! })
    for (let i = i0 + paired; i < i1; i++) changes.push({ type: 'removed', index: i, text: a[i]! })
    for (let j = j0 + paired; j < j1; j++) changes.push({ type: 'added', index: j, text: b[j]! })
  }
  let i = 0
  let j = 0
  for (const [pi, pj] of commonPairs(a, b)) {
    gap(i, pi, j, pj)
    i = pi + 1
    j = pj + 1
  }
  gap(i, a.length, j, b.length)

  const title = norm(before.title) === norm(after.title) ? null : { old: norm(before.title), new: norm(after.title) }
  const preamble = norm(before.preamble) === norm(after.preamble) ? null : { old: norm(before.preamble), new: norm(after.preamble) }
  return { title, preamble, articles: changes }
}

export function isUnchanged(d: RevisionDiff): boolean {
  return !d.title && !d.preamble && d.articles.length === 0
}
