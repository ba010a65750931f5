/*
 * The secret ballot on PostgreSQL (see docs/API.md, "Secret ballot on PostgreSQL"). Who voted (motion_voters) and
 * what was chosen (motion_ballots) share no column but the motion, as on SQLite. But every row version PostgreSQL
 * writes carries the id of the transaction that wrote it (xmin), the cast writes the voter row and the ballot row
 * in ONE transaction (so that both are written or neither), and the heap, its indexes (whose entries point at
 * heap positions, ctid, in insertion order) and the WAL keep the order of writes. So WHILE VOTING IS OPEN anyone
 * who can read the tables' system columns (a DBA: `SELECT xmin FROM motion_voters` and the same of
 * motion_ballots), their pages, or a copy or backup taken then, can pair every voter with their ballot: the same
 * reach as SQLite's raw pages during voting. Tally counters updated in place would not help: each UPDATE writes
 * a new row version with the caster's xmin (and leaves the old one dead), so a counter's versions name each
 * choice's casts just as well.
 *
 * At close, inside the close transaction, relayBallots deletes the motion's voter and ballot rows and writes
 * them back in key order: every live row of the motion then carries the close's xmin and sits in key order.
 * After the close commits, vacuumAfterClose runs VACUUM FULL on both tables: each is rewritten into new files
 * with fresh indexes and the old files are unlinked, so no dead row version (with a cast's xmin) and no stale
 * index entry (with a cast-time ctid) is left in the database. What remains is outside the tables: WAL written
 * during voting (pg_wal until its segments are recycled and overwritten, any WAL archive or replica), and
 * backups taken during voting. A snapshot older than the close still open when the VACUUM FULL runs (a running
 * pg_dump) makes it keep the dead versions that snapshot can see, until the next close's VACUUM FULL.
 * test/postgres/motions.secrecy.test.ts reads xmin, ctid, every line pointer (pageinspect) and the heap files.
 */
import { emptyTally, type MotionOutcomeView } from '@/domain/motions'
import { outcome, type CastCounts, type TallyBase } from '@/domain/motions/tally'
import type { Pool } from 'pg'
import type { MotionBallot, MotionCastOutcome, MotionRecord, MotionRepo } from '../../motions/ports'
import { inTransactionOr, Rollback, row, rows, type Queryable } from './tx'

/** The figures at close, inside the close transaction (after the motion's row lock: every cast counted has committed). */
export async function resultOf(db: Queryable, m: MotionRecord): Promise<MotionOutcomeView> {
  const base: TallyBase = m.base ?? { adults: 0, households: 0 }
  const channels = await rows<{ channel: 'online' | 'offline'; n: number }>(
    db,
    'SELECT channel, count(*) AS n FROM motion_voters WHERE motion_id = $1 GROUP BY channel',
    [m.id],
  )
  const online = channels.find((c) => c.channel === 'online')?.n ?? 0
  const offline = channels.find((c) => c.channel === 'offline')?.n ?? 0
  const total = online + offline
  // adults: the households whose members voted, as counted by the cast (the household then, not now)
  const households =
    m.eligibility === 'households'
      ? total
      : ((await row<{ n: number }>(db, 'SELECT count(*) AS n FROM motion_household_adults WHERE motion_id = $1 AND voters > 0', [m.id]))?.n ?? 0)
  const cast: CastCounts = { online, offline, total, households }
  const tally = emptyTally(m)
  const counted = await rows<{ choice: string; n: number }>(db, 'SELECT choice, count(*) AS n FROM motion_ballots WHERE motion_id = $1 GROUP BY choice', [m.id])
  for (const r of counted) tally[r.choice] = (tally[r.choice] ?? 0) + r.n
  const o = outcome(m.kind, m.eligibility, base, cast, tally)
  return { base, cast, tally, quorumMet: o.quorumMet, passed: o.passed, winner: o.winner }
}

/** Each household's adults, frozen beside the base when an adults motion opens (no adults on the roster: no row). */
export async function freezeAdults(db: Queryable, motionId: string, communityId: string): Promise<void> {
  await db.query(
    `INSERT INTO motion_household_adults (motion_id, household_id, adults, voters)
     SELECT $1, h.id, h.adults, 0 FROM households h JOIN grids g ON g.id = h.grid_id WHERE g.community_id = $2 AND h.adults > 0`,
    [motionId, communityId],
  )
}

/**
 * Inside the close transaction: the motion's voter rows and ballot rows read out in key order, deleted and
 * written back in key order, so each live row carries the close's transaction id and its heap position follows
 * its key, no longer the cast that wrote it. The caller runs vacuumAfterClose once the close has committed.
 */
export async function relayBallots(db: Queryable, motionId: string): Promise<void> {
  await db.query(
    `WITH gone AS (DELETE FROM motion_voters WHERE motion_id = $1 RETURNING voter_key, channel, recorded_by)
     INSERT INTO motion_voters (motion_id, voter_key, channel, recorded_by)
     SELECT $1, voter_key, channel, recorded_by FROM gone ORDER BY voter_key COLLATE "C"`,
    [motionId],
  )
  await db.query(
    `WITH gone AS (DELETE FROM motion_ballots WHERE motion_id = $1 RETURNING receipt_hash, choice)
     INSERT INTO motion_ballots (motion_id, receipt_hash, choice)
     SELECT $1, receipt_hash, choice FROM gone ORDER BY receipt_hash COLLATE "C"`,
    [motionId],
  )
}

/**
 * After a close has committed: VACUUM FULL rewrites both tables into new files (live rows only, indexes rebuilt)
 * and unlinks the old ones, which held the motion's rows as cast (dead versions with the casts' transaction ids,
 * index entries pointing at cast-time positions). It takes each table's ACCESS EXCLUSIVE lock for the rewrite:
 * casts of other motions wait that long (the tables hold a few rows per voter). It needs the tables' owner (the
 * role that migrated them); another role gets a WARNING and nothing is rewritten. The close has committed by then:
 * a VACUUM FULL that fails (a lock timeout) rejects the call, and the next close's VACUUM FULL cleans both tables.
 */
export async function vacuumAfterClose(pool: Pool, closed: boolean): Promise<void> {
  if (closed) await pool.query('VACUUM FULL motion_voters, motion_ballots')
}

/**
 * The ballot box's methods. THE cast is ONE transaction at READ COMMITTED:
 *
 * - The motion's row is locked FOR SHARE first. Casts share it (they run in parallel); the phase change to closed
 *   locks it FOR NO KEY UPDATE, which waits for every cast holding it and blocks later ones. So a cast racing the
 *   close either commits before the close reads the tally (and is counted) or waits, then reads the row as
 *   closed (READ COMMITTED re-checks the WHERE on the locked row's latest version: no row) and writes nothing:
 *   the tally frozen at close is every ballot there is. Only a cast in time locks the row (the condition is in the
 *   WHERE), so casts after voteUntil never delay the scheduled close; shared locks are not queued behind a
 *   waiting exclusive one, so an unbroken stream of casts (each a few ms) could delay a committee's early close
 *   until the first gap.
 * - One ballot per voter: the voter row's PRIMARY KEY with INSERT … ON CONFLICT DO NOTHING. A concurrent cast of
 *   the same voter waits on the first's uncommitted key; when it commits this one inserts nothing and rolls back
 *   (alreadyVoted). The voter row is written BEFORE the household place is taken, so a voter's repeated casts
 *   answer alreadyVoted, never householdFull.
 * - Household places (adults motions): one conditional UPDATE `voters < adults` on the household's row; concurrent
 *   members queue on that row's lock and each re-checks the condition on the committed count, so no more ballots
 *   than the frozen adults are taken.
 * - The receipt hash: the ballot's PRIMARY KEY, ON CONFLICT DO NOTHING; taken → rolled back (receiptTaken).
 * The checks first read the committed state in SQLite's order (voted, receipt), so that a refusal without a race
 * is the same answer as SQLite's; the writes' conflicts decide the races. A refusal rolls back everything.
 */
export function ballotBox(pool: Pool): Pick<MotionRepo, 'cast' | 'voted' | 'householdPlaces' | 'turnout' | 'ballots' | 'ballotOf'> {
  const places = (db: Queryable, motionId: string, householdId: string) =>
    row<{ adults: number; voters: number }>(db, 'SELECT adults, voters FROM motion_household_adults WHERE motion_id = $1 AND household_id = $2', [
      motionId,
      householdId,
    ])
  const votedIn = async (db: Queryable, motionId: string, voterKey: string) =>
    (await row(db, 'SELECT 1 FROM motion_voters WHERE motion_id = $1 AND voter_key = $2', [motionId, voterKey])) !== null
  const choiceOf = async (db: Queryable, motionId: string, receiptHash: string) =>
    (await row<{ choice: string }>(db, 'SELECT choice FROM motion_ballots WHERE motion_id = $1 AND receipt_hash = $2', [motionId, receiptHash]))?.choice ?? null

  return {
    async cast(motionId: string, b: MotionBallot, at: string): Promise<MotionCastOutcome> {
      return inTransactionOr<MotionCastOutcome, MotionCastOutcome>(pool, async (c) => {
        const s = await row<{ eligibility: string }>(
          c,
          `SELECT eligibility FROM motions WHERE id = $1 AND status = 'voting' AND vote_until > $2::timestamptz FOR SHARE`,
          [motionId, at],
        )
        if (!s) return { kind: 'notVoting' }
        if (await votedIn(c, motionId, b.voterKey)) return { kind: 'alreadyVoted' }
        if ((await choiceOf(c, motionId, b.receiptHash)) !== null) return { kind: 'receiptTaken' }
        const voter = await row(
          c,
          `INSERT INTO motion_voters (motion_id, voter_key, channel, recorded_by) VALUES ($1, $2, $3, $4)
           ON CONFLICT (motion_id, voter_key) DO NOTHING RETURNING 1`,
          [motionId, b.voterKey, b.channel, b.recordedBy],
        )
        if (!voter) throw new Rollback<MotionCastOutcome>({ kind: 'alreadyVoted' })
        if (s.eligibility === 'adults') {
          const took = b.householdId
            ? await row(
                c,
                'UPDATE motion_household_adults SET voters = voters + 1 WHERE motion_id = $1 AND household_id = $2 AND voters < adults RETURNING 1',
                [motionId, b.householdId],
              )
            : null
          if (!took) {
            const adults = b.householdId ? ((await places(c, motionId, b.householdId))?.adults ?? 0) : 0
            throw new Rollback<MotionCastOutcome>({ kind: 'householdFull', adults })
          }
        }
        const ballot = await row(
          c,
          `INSERT INTO motion_ballots (motion_id, receipt_hash, choice) VALUES ($1, $2, $3)
           ON CONFLICT (motion_id, receipt_hash) DO NOTHING RETURNING 1`,
          [motionId, b.receiptHash, b.choice],
        )
        if (!ballot) throw new Rollback<MotionCastOutcome>({ kind: 'receiptTaken' })
        return { kind: 'done' }
      })
    },

    voted: (motionId, voterKey) => votedIn(pool, motionId, voterKey),

    async householdPlaces(motionId, householdId) {
      return (await places(pool, motionId, householdId)) ?? { adults: 0, voters: 0 }
    },

    async turnout(motionId) {
      return (await row<{ n: number }>(pool, 'SELECT count(*) AS n FROM motion_voters WHERE motion_id = $1', [motionId]))?.n ?? 0
    },

    ballots: (motionId) =>
      rows<{ receiptHash: string; choice: string }>(
        pool,
        'SELECT receipt_hash AS "receiptHash", choice FROM motion_ballots WHERE motion_id = $1 ORDER BY receipt_hash COLLATE "C"',
        [motionId],
      ),

    ballotOf: (motionId, receiptHash) => choiceOf(pool, motionId, receiptHash),
  }
}
