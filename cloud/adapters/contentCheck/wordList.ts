import type { ContentCheck } from '../../shared/ports'
import words from './words.json'

/** Removes what people put between characters to slip past a word list: spaces, punctuation, zero-width marks. */
function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\u200b-\u200f\u2060\ufeff]/gu, '')
}

/** The local content checker: a small word list kept in words.json. */
export function wordListCheck(list: { risky: string[]; review: string[] } = words): ContentCheck {
  const risky = list.risky.map(normalise)
  const review = list.review.map(normalise)
  return {
    async check(texts) {
      const all = normalise(texts.join('\n'))
      const hit = risky.find((w) => all.includes(w))
      if (hit) return { suggest: 'risky', label: hit }
      const maybe = review.find((w) => all.includes(w))
      if (maybe) return { suggest: 'review', label: maybe }
      return { suggest: 'pass' }
    },
  }
}
