import type { z } from 'zod'

/**
 * One action of the API as its feature declares it: the input schema (form, call and server parse with it),
 * whether it only reads (the client retries a read once after a network failure), who may call it
 * ('public': without a session), and the type of `data` in its reply.
 */
export type Access = 'public' | 'user'

export interface ActionSpec<S extends z.ZodType = z.ZodType, O = unknown, A extends Access = Access> {
  readonly input: S
  readonly kind: 'read' | 'write'
  readonly access: A
  /** the request log leaves the caller out (a secret ballot: who acted when could re-link a voter to a ballot) */
  readonly unattributed?: true
  /** type only: the reply's data (never set at run time) */
  readonly output?: () => O
}

interface SpecBuilder<S extends z.ZodType, A extends Access> {
  /** the type of the reply's data */
  returns<O>(): ActionSpec<S, O, A>
}

function spec<S extends z.ZodType, A extends Access>(kind: 'read' | 'write', input: S, access: A): SpecBuilder<S, A> {
  return { returns: <O>() => ({ input, kind, access }) as ActionSpec<S, O, A> }
}

/** An action that only reads: safe to retry. Called with a session unless access is 'public'. */
export function read<S extends z.ZodType>(input: S): SpecBuilder<S, 'user'>
export function read<S extends z.ZodType, A extends Access>(input: S, access: A): SpecBuilder<S, A>
export function read(input: z.ZodType, access: Access = 'user') {
  return spec('read', input, access)
}

/** An action that changes something: retried only with the same requestId, by the person. */
export function write<S extends z.ZodType>(input: S): SpecBuilder<S, 'user'>
export function write<S extends z.ZodType, A extends Access>(input: S, access: A): SpecBuilder<S, A>
export function write(input: z.ZodType, access: Access = 'user') {
  return spec('write', input, access)
}

/** The same action, logged without its caller. */
export function unattributed<S extends z.ZodType, O, A extends Access>(action: ActionSpec<S, O, A>): ActionSpec<S, O, A> {
  return { ...action, unattributed: true }
}

export type FeatureContract = Record<string, ActionSpec>

export type InputOf<T> = T extends ActionSpec<infer S, unknown, Access> ? z.input<S> : never
export type ParsedInputOf<T> = T extends ActionSpec<infer S, unknown, Access> ? z.output<S> : never
export type OutputOf<T> = T extends ActionSpec<z.ZodType, infer O, Access> ? O : never
export type AccessOf<T> = T extends ActionSpec<z.ZodType, unknown, infer A> ? A : never

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never

/** The features' contracts as one; an action name declared by two features is an error at start-up. */
export function composeContracts<C extends FeatureContract[]>(...contracts: C): UnionToIntersection<C[number]> {
  const all: FeatureContract = {}
  for (const c of contracts) {
    for (const name of Object.keys(c)) {
      if (Object.prototype.hasOwnProperty.call(all, name)) throw new Error(`action ${name} is declared twice`)
      all[name] = c[name]
    }
  }
  return all as UnionToIntersection<C[number]>
}
