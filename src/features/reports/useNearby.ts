import { useCallback, useEffect, useRef, useState } from 'react'
import type { NearbyReport, ReportCategory } from '@/domain/reports'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import type { PickedLocation } from '@/features/media'

/**
 * "附近已有人反映": once a location and a category are set, open public reports of that category within
 * 200 m. `dismiss` ("仍要提交新问题") hides the offer for this place and category. A failed lookup
 * never holds the form: it just offers nothing.
 */
export function useNearby(location: PickedLocation | null, category: ReportCategory | '') {
  const key = location && category ? `${category}:${location.latitude.toFixed(5)}:${location.longitude.toFixed(5)}` : null
  const [items, setItems] = useState<NearbyReport[]>([])
  const [loading, setLoading] = useState(false)
  const [dismissedKey, setDismissedKey] = useState<string | null>(null)
  const [supporting, setSupporting] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const seq = useRef(0)

  useEffect(() => {
    const mine = ++seq.current
    setItems([])
    if (!key || !location || !category) return
    setLoading(true)
    callApi('report.nearby', {
      latitude: location.latitude,
      longitude: location.longitude,
      coordSystem: location.coordSystem,
      category,
    })
      .then((r) => mine === seq.current && setItems(r.items))
      .catch(() => mine === seq.current && setItems([]))
      .finally(() => mine === seq.current && setLoading(false))
    // key holds location and category
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  const dismiss = useCallback(() => setDismissedKey(key), [key])

  /** 我也遇到: adds my support instead of a new report. */
  const support = useCallback(async (id: string): Promise<number | null> => {
    setSupporting(id)
    setError(null)
    try {
      const { supporters } = await callApi('report.support', { id })
      return supporters
    } catch (e) {
      setError(toApiError(e))
      return null
    } finally {
      setSupporting(null)
    }
  }, [])

  return { items: key && dismissedKey !== key ? items : [], loading, dismiss, support, supporting, error }
}
