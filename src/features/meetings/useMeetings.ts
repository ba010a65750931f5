import { useCallback, useState } from 'react'
import type { MeetingTaskView, MeetingView, MyMeetingTask } from '@/domain/meetings'
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

/** A dispute's meetings (staff only: `enabled` false for everyone else, nothing is asked). */
export function useMeetings(reportId: string, enabled: boolean, held = 0) {
  // `held`: the meetings the timeline shows, so a new one recorded elsewhere is asked for again
  const remote = useRemote<{ meetings: MeetingView[] }>(enabled ? `meetings:${reportId}:${held}` : null, () => callApi('meeting.list', { reportId }))
  const { setData } = remote
  const onDone = useCallback(
    (t: MeetingTaskView) =>
      setData((prev) =>
        prev && { meetings: prev.meetings.map((m) => ({ ...m, tasks: m.tasks.map((x) => (x.id === t.id ? t : x)) })) },
      ),
    [setData],
  )
  return { ...remote, meetings: remote.data?.meetings ?? [], ...useCompleteTask(onDone) }
}

/** The caller's open 联席会议 tasks for the 待办 (`enabled` false for residents: nothing is asked). */
export function useMyMeetingTasks(userId: string, enabled: boolean) {
  const remote = useRemote<{ tasks: MyMeetingTask[] }>(enabled ? `meeting-tasks:${userId}` : null, () => callApi('meeting.tasks', {}))
  const { setData } = remote
  const onDone = useCallback(
    (t: MeetingTaskView) => setData((prev) => prev && { tasks: prev.tasks.filter((x) => x.id !== t.id) }),
    [setData],
  )
  return { ...remote, tasks: remote.data?.tasks ?? [], ...useCompleteTask(onDone) }
}
