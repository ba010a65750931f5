import type { Deps } from './context'
import type { OutboundMessage } from './ports'

/** A message the store wrote in the change's transaction (messages' NewMessage), as the other channels need it. */
export type WrittenMessage = Pick<OutboundMessage, 'userId' | 'title' | 'body' | 'target'> & { createdAt: string }

/** After the commit: the messages through every extra channel; a failing channel is logged, never thrown. */
export async function sendOutbound(deps: Deps, messages: readonly WrittenMessage[]): Promise<void> {
  if (messages.length === 0) return
  const out = messages.map((m) => ({ userId: m.userId, title: m.title, body: m.body, target: m.target, at: m.createdAt }))
  for (const n of deps.notifiers) {
    try {
      await n.notify(out)
    } catch (err) {
      deps.log.error({ err }, 'notifier failed')
    }
  }
}
