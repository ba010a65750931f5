import type { RulesHistoryPage, RulesView } from '@/domain/motions'
import { rulesMarkFiledSchema } from '@/domain/motions'
import { callApi } from '@/services/api'
import { usePagedList } from '../common/usePagedList'
import { useRemote } from '../common/useRemote'
import { useSubmit } from '../common/useSubmit'
import { localToIso } from './format'

type RulesItem = RulesView & { id: string }

/** 现行村规民约 (rules.current), earlier versions (rules.history), and the committee's 已报乡镇备案. */
export function useRules() {
  const current = useRemote<RulesView | null>('rules:current', () => callApi('rules.current', {}))
  const history = usePagedList<RulesItem, RulesHistoryPage & { items: RulesItem[] }>('rules:history', async (cursor) => {
    const page = await callApi('rules.history', { limit: 20, ...(cursor ? { cursor } : {}) })
    return { ...page, items: page.items.map((r) => ({ ...r, id: String(r.version) })) }
  })
  const file = useSubmit<{ version: number; filedAt: string }, RulesView>((input, requestId) => callApi('rules.markFiled', input, { requestId }))

  /** date: local 'YYYY-MM-DD' → filed that day (noon local, so the date reads the same everywhere in China). */
  const markFiled = async (version: number, date: string): Promise<{ ok: boolean; message?: string }> => {
    if (!date) return { ok: false, message: '请选择备案日期' }
    const filedAt = localToIso(`${date} 12:00`)
    const parsed = rulesMarkFiledSchema.safeParse({ version, filedAt })
    if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? '日期不正确' }
    if (Date.parse(parsed.data.filedAt) > Date.now() + 86_400_000) return { ok: false, message: '备案日期不能晚于今天' }
    const sent = await file.submit(parsed.data)
    if (!sent.ok) return { ok: false, message: sent.error?.message }
    current.setData((c) => (c && c.version === version ? sent.data : c))
    history.update(String(version), () => ({ ...sent.data, id: String(version) }))
    return { ok: true }
  }
  return { current, history, markFiled, filing: file.submitting }
}
