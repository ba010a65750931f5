/** The unread count changed on one screen (a message read, 全部已读), so 我的 and the tab badge follow. */
type Listener = (unread: number) => void
const listeners = new Set<Listener>()

export function emitUnread(unread: number): void {
  for (const l of [...listeners]) l(unread)
}

export function onUnread(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
