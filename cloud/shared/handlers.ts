import type { AccessOf, FeatureContract, OutputOf, ParsedInputOf } from '@/domain/shared/contract'
import type { Ctx, Deps, UserCtx } from './context'

/**
 * The use case that answers one action: it receives what the action's schema parsed and returns what the
 * contract says, so a handler whose input or output disagrees with its contract does not compile. Actions
 * called with a session get a context whose user is set. `D`: the deps the feature's use cases take.
 */
export type HandlerOf<T, D = Deps> = (
  input: ParsedInputOf<T>,
  ctx: AccessOf<T> extends 'public' ? Ctx<D> : UserCtx<D>,
) => Promise<OutputOf<T>>

/** A feature's handlers table: one use case for each action of its contract, no more, no less. */
export type Handlers<C extends FeatureContract, D = Deps> = { readonly [A in keyof C]: HandlerOf<C[A], D> }
