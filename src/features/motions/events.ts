import type { MotionView } from '@/domain/motions'

/** A motion created or changed on one screen, so the 议事 tab updates without a manual reload. */
export type MotionEvent = { type: 'changed'; motion: MotionView } | { type: 'voted'; id: string }

type Listener = (e: MotionEvent) => void
const listeners = new Set<Listener>()

export function emitMotionEvent(e: MotionEvent): void {
  for (const l of [...listeners]) l(e)
}

export function onMotionEvent(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
