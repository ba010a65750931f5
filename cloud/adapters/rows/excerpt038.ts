/**
 * The excerpt rule of migration 038's fill, as it stood then (src/domain/notices excerptOf): whitespace runs as one
 * space, trimmed, the first 60 code points and '…' when longer. Copied, not imported, so the migration stays what
 * it was if the rule changes later. Both engines' 038 use it.
 */
export function frozenExcerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  const cps = [...flat]
  return cps.length > 60 ? cps.slice(0, 60).join('') + '…' : flat
}
