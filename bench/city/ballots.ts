/**
 * A households motion of one community with `n` ballots cast (voter and ballot rows written in bulk, as casts
 * leave them), in voting with its time past, for the city bench to close once (the tally is counted then and
 * kept with the motion) and then to read: the reading of a result must not grow with the ballots.
 */
import { createHash } from 'node:crypto'
import type { BulkWriter } from './bulk'

export async function generateVotedMotion(bulk: BulkWriter, id: string, communityId: string, authorId: string, n: number, now: number): Promise<void> {
  const at = (h: number) => new Date(now + h * 3600_000).toISOString()
  await bulk.insert(
    'motions',
    ['id', 'community_id', 'author_id', 'title', 'preamble', 'articles', 'kind', 'options', 'eligibility', 'status', 'consult_until',
      'vote_from', 'vote_until', 'base_adults', 'base_households', 'consulted_at', 'opened_at', 'created_at', 'updated_at'],
    [[id, communityId, authorId, `压测议题 ${n} 票`, null, JSON.stringify([{ text: '是否同意在小区东门加装充电车棚' }]), 'rules', null, 'households',
      'voting', at(-72), at(-48), at(-1), n * 2, n, at(-72), at(-48), at(-96), at(-48)]],
  )
  const choices = ['yes', 'no', 'abstain']
  const voters: unknown[][] = []
  const ballots: unknown[][] = []
  for (let i = 0; i < n; i++) {
    voters.push([id, `${id}_h${i}`, 'online', null])
    ballots.push([id, createHash('sha256').update(`${id}:${i}`).digest('hex'), choices[i % 3]])
  }
  await bulk.insert('motion_voters', ['motion_id', 'voter_key', 'channel', 'recorded_by'], voters)
  await bulk.insert('motion_ballots', ['motion_id', 'receipt_hash', 'choice'], ballots)
}
