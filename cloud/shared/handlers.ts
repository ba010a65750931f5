import type { AccessOf, FeatureContract, OutputOf, ParsedInputOf } from '@/domain/shared/contract'
import type { Ctx, UserCtx } from '../api/context'

/**
 * The use case that answers one action: it receives what the action's schema parsed and returns what the
 * contract says, so a handler whose input or output disagrees with its contract does not compile. Actions
 * called with a session get a context whose user is set.
 */
export type HandlerOf<T> = (
  input: ParsedInputOf<T>,
  ctx: AccessOf<T> extends 'public' ? Ctx : UserCtx,
) => Promise<OutputOf<T>>

/** A feature's handlers table: one use case for each action of its contract, no more, no less. */
export type Handlers<C extends FeatureContract> = { readonly [A in keyof C]: HandlerOf<C[A]> }
