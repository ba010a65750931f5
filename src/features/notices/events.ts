import type { Notice } from '@/domain/notices'

/** What one screen did to a notice, so other screens (the list) update without reloading. */
export type NoticeEvent =
  | { type: 'read'; id: string }
  | { type: 'confirmed'; id: string; confirmedAt: string }
  | { type: 'withdrawn'; id: string }
  | { type: 'published'; notice: Notice }

type Listener = (e: NoticeEvent) => void
const listeners = new Set<Listener>()

export function emitNoticeEvent(e: NoticeEvent): void {
  for (const l of [...listeners]) l(e)
}

export function onNoticeEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
