import { useCallback } from 'react'
import { gridPhoneSchema, type GridPhoneInput, type GridView } from '@/domain/community'
import { callApi } from '@/services/api'
import { useCommunity } from './useCommunity'
import { useSubmit } from '../common/useSubmit'

/** 网格服务电话: the community's grids with the phone the committee publishes for each; set, change, withdraw. */
export function useGridPhones() {
  const community = useCommunity()
  const { setData } = community
  const { submit, submitting, error, clearError } = useSubmit<GridPhoneInput, GridView>((input, requestId) =>
    callApi('community.setGridPhone', input, { requestId }),
  )

  /** '' withdraws the phone. Returns a message for the field when the number is not one. */
  const save = useCallback(
    async (gridId: string, phone: string): Promise<{ ok: boolean; invalid?: string }> => {
      const parsed = gridPhoneSchema.safeParse({ gridId, servicePhone: phone.trim() ? phone : null })
      if (!parsed.success) return { ok: false, invalid: parsed.error.issues[0]?.message ?? '电话号码不正确' }
      const sent = await submit(parsed.data)
      if (!sent.ok) return { ok: false }
      setData((c) => (c ? { ...c, grids: c.grids.map((g) => (g.id === gridId ? { ...g, servicePhone: sent.data.servicePhone } : g)) } : c))
      return { ok: true }
    },
    [submit, setData],
  )
  return { community, save, submitting, error, clearError }
}
