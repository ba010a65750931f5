/** A shift changed on one screen (signed up, withdrew, checked in, scheduled, cancelled): lists fetch again. */
export type ShiftEvent = { type: 'changed'; id: string } | { type: 'scheduled' }

type Listener = (e: ShiftEvent) => void
const listeners = new Set<Listener>()

export function emitShiftEvent(e: ShiftEvent): void {
  for (const l of [...listeners]) l(e)
}

export function onShiftEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
