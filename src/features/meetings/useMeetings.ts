import { useCallback, useState } from 'react'
import type { MeetingOwnerOption, MeetingTaskView, MeetingView, MyDispute, MyMeetingTask, ResponsibleView } from '@/domain/meetings'
import { callApi } from '@/services/api'
import { toApiError, type ApiError } from '@/services/apiError'
import { useRemote } from '../common/useRemote'

/** Marks one of the caller's tasks done; the error of the last try, per task. */
function useCompleteTask(onDone: (t: MeetingTaskView) => void) {
  const [busy, setBusy] = useState<string | null>(null)
  const [failed, setFailed] = useState<{ taskId: string; error: ApiError } | null>(null)
  const complete = useCallback(
    async (taskId: string, note?: string) => {
      setBusy(taskId)
      setFailed(null)
      try {
        onDone(await callApi('meeting.completeTask', note ? { taskId, note } : { taskId }))
      } catch (e) {
        setFailed({ taskId, error: toApiError(e) })
      } finally {
        setBusy(null)
      }
    },
    [onDone],
  )
  return { complete, busy, failed }
}

type Minutes = { meetings: MeetingView[]; responsible: ResponsibleView | null }

/**
 * A dispute's meetings and its 包保 responsible (staff only: `enabled` false for everyone else, nothing is asked).
 * `steps`: how many meeting/包保 steps the timeline shows, so one recorded elsewhere is asked for again.
 */
export function useMeetings(reportId: string, enabled: boolean, steps = 0) {
  const remote = useRemote<Minutes>(enabled ? `meetings:${reportId}:${steps}` : null, () => callApi('meeting.list', { reportId }))
  const { setData } = remote
  const onDone = useCallback(
    (t: MeetingTaskView) =>
      setData((prev) =>
        prev && { ...prev, meetings: prev.meetings.map((m) => ({ ...m, tasks: m.tasks.map((x) => (x.id === t.id ? t : x)) })) },
      ),
    [setData],
  )
  return { ...remote, meetings: remote.data?.meetings ?? [], responsible: remote.data?.responsible ?? null, ...useCompleteTask(onDone) }
}

/** 包保: whom the picker offers (asked once it is opened) and naming one of them. */
export function useAssignResponsible(reportId: string, onAssigned: (r: ResponsibleView) => void) {
  const [owners, setOwners] = useState<MeetingOwnerOption[] | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const loadOwners = useCallback(async () => {
    if (owners) return
    setError(null)
    try {
      setOwners((await callApi('meeting.owners', { reportId })).owners)
    } catch (e) {
      setError(toApiError(e))
    }
  }, [owners, reportId])
  const assign = useCallback(
    async (userId: string) => {
      setBusy(true)
      setError(null)
      try {
        onAssigned(await callApi('meeting.assignResponsible', { reportId, userId }))
        // named: the picker closes (更换包保责任人 opens it again)
        setOwners(null)
      } catch (e) {
        setError(toApiError(e))
      } finally {
        setBusy(false)
      }
    },
    [reportId, onAssigned],
  )
  return { owners, loadOwners, assign, busy, error }
}

/** The caller's open 联席会议 tasks and 包保 disputes for the 待办 (`enabled` false for residents: nothing is asked). */
export function useMyMeetingTasks(userId: string, enabled: boolean) {
  const remote = useRemote<{ tasks: MyMeetingTask[]; disputes: MyDispute[] }>(enabled ? `meeting-tasks:${userId}` : null, () => callApi('meeting.tasks', {}))
  const { setData } = remote
  const onDone = useCallback(
    (t: MeetingTaskView) => setData((prev) => prev && { ...prev, tasks: prev.tasks.filter((x) => x.id !== t.id) }),
    [setData],
  )
  return { ...remote, tasks: remote.data?.tasks ?? [], disputes: remote.data?.disputes ?? [], ...useCompleteTask(onDone) }
}
