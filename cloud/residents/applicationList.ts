import { z } from 'zod'
import type { ApplicationListInput, ApplicationStatus } from '@/domain/residents'
import type { Page } from '@/domain/shared/text'
import type * as shared from '../shared/context'
import { decodeKey, encodeKey } from '../shared/cursor'
import type { UserRecord } from '../shared/ports'
import { committeeCommunity } from './policy'
import type { ResidentsStore, SeqCursor } from './ports'

/** The cursor of the newest-first application lists: the last item's insertion order. */
export const seqCursor = z.number().int().positive()

export interface ApplicationList<S, Rec, View> {
  /** the FORBIDDEN message for a caller outside the community's committee */
  forbidden: string
  /** the store's repository of these applications */
  repo(store: S): {
    list(
      communityId: string,
      opts: { status?: ApplicationStatus; limit: number; after: SeqCursor | null },
    ): Promise<{ record: Rec; seq: number }[]>
  }
  view(record: Rec, viewer: UserRecord): View
}

/** A page of the committee's own community's applications, newest first (resident and volunteer alike). */
export async function listCommunityApplications<S extends Pick<ResidentsStore, 'communities'>, Rec, View>(
  input: ApplicationListInput,
  ctx: shared.UserCtx<shared.Deps<S>>,
  spec: ApplicationList<S, Rec, View>,
): Promise<Page<View>> {
  const { deps, user } = ctx
  const community = await committeeCommunity(ctx, spec.forbidden)
  const limit = input.limit ?? 20
  const rows = await spec.repo(deps.store).list(community.id, {
    status: input.status,
    limit: limit + 1,
    after: input.cursor ? decodeKey(seqCursor, input.cursor) : null,
  })
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => spec.view(r.record, user)),
    nextCursor: rows.length > limit && last ? encodeKey(last.seq) : null,
  }
}
