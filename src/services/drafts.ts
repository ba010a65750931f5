import { readStorage, removeStorage, writeStorage } from './storage'

/** Local form drafts, so a dropped connection or a closed page never loses what someone typed. */
export interface Draft<T> {
  value: T
  savedAt: string
}

const PREFIX = 'gongzhi.draft.'

export function loadDraft<T>(key: string): Draft<T> | null {
  const raw = readStorage<string>(PREFIX + key)
  if (!raw) return null
  try {
    const d = JSON.parse(raw) as Draft<T>
    return d && typeof d === 'object' && 'value' in d ? d : null
  } catch {
    return null
  }
}

export function saveDraft<T>(key: string, value: T): void {
  const draft: Draft<T> = { value, savedAt: new Date().toISOString() }
  writeStorage(PREFIX + key, JSON.stringify(draft))
}

export function clearDraft(key: string): void {
  removeStorage(PREFIX + key)
}
