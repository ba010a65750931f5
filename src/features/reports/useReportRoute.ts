import type { ReportRoute } from '@/domain/reports'
import { callApi } from '@/services/api'
import { useRemote } from '../common/useRemote'
import type { PickedLocation } from '@/features/media'

/** Once located: the grid the report would go to from there and who handles it (report.route, the server's rule). */
export function useReportRoute(location: PickedLocation | null) {
  const key = location ? `route:${location.latitude.toFixed(5)}:${location.longitude.toFixed(5)}:${location.coordSystem}` : null
  return useRemote<ReportRoute>(key, () =>
    callApi('report.route', { latitude: location!.latitude, longitude: location!.longitude, coordSystem: location!.coordSystem }),
  )
}
