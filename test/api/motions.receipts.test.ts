/**
 * Receipts made by the voter's device (motion.cast { receipt }) or the committee's phone (motion.recordOffline
 * { receipt }): stored as the ballot's hash as a server-made one is, refused when malformed or already used in
 * the motion, with nothing written on any refusal.
 */
import { createHash } from 'node:crypto'
import type { ApiReply } from '@/domain/shared/envelope'
import type { MotionResultView } from '@/domain/motions'
import { makeHarness, type Harness } from './support/harness'
import { addVoters, ballotRows, closeVote, COMMITTEE, openVote, voterRows, type Voter } from './support/motionFixtures'

const sha = (s: string) => createHash('sha256').update(s).digest('hex')

let h: Harness
let motionId: string
let voters: Voter[]
beforeEach(async () => {
  h = await makeHarness()
  motionId = await openVote(h, { kind: 'matter', options: ['东门', '西门', '南门'] })
  voters = await addVoters(h, 3, { prefix: '丁' })
})
afterEach(() => h.close())

function refused(r: ApiReply, code: string): string {
  expect(r.ok).toBe(false)
  if (r.ok) return ''
  expect(r.error.code).toBe(code)
  expect(r.error.message).toMatch(/[\u4e00-\u9fff]/)
  return r.error.message
}

async function rows(): Promise<{ voters: number; ballots: number }> {
  return { voters: await voterRows(h, motionId), ballots: await ballotRows(h, motionId) }
}

test('a receipt the device made is returned, stored as the hash, verified as counted before close and listed with its choice after', async () => {
  const mine = 'ABCD-EFGH-JKMN-PQRS'
  expect(await h.ok('motion.cast', { id: motionId, choice: 1, receipt: mine }, voters[0]!.id)).toEqual({ receipt: mine })
  expect(await rows()).toEqual({ voters: 1, ballots: 1 })
  // before close: counted, and nothing about the choice
  expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: mine }, voters[0]!.id)).toEqual({ counted: true, choice: null })
  // without a receipt the server still makes one
  const made = await h.ok<{ receipt: string }>('motion.cast', { id: motionId, choice: 2 }, voters[1]!.id)
  expect(made.receipt).not.toBe(mine)
  await closeVote(h, motionId)
  const result = await h.ok<MotionResultView>('motion.result', { id: motionId }, voters[2]!.id)
  expect(result.ballots).toContainEqual({ receiptHash: sha(mine), choice: 1 })
  expect(result.ballots).toContainEqual({ receiptHash: sha(made.receipt), choice: 2 })
  expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: mine.toLowerCase() }, voters[2]!.id)).toEqual({ counted: true, choice: 1 })
})

test.each([
  ['lower case', 'abcd-efgh-jkmn-pqrs'],
  ['no dashes', 'ABCDEFGHJKMNPQRS'],
  ['a look-alike letter (O)', 'ABCD-EFGH-JKMN-PQRO'],
  ['a look-alike digit (1)', 'ABCD-EFGH-JKMN-PQR1'],
  ['too short', 'ABCD-EFGH-JKMN'],
  ['empty', ''],
  ['not text', 12345678],
  ['Chinese', '回执回执-回执回执-回执回执-回执回执'],
])('a malformed receipt (%s) is INVALID_INPUT with a Chinese message and writes nothing', async (_what, receipt) => {
  const message = refused(await h.call('motion.cast', { id: motionId, choice: 0, receipt }, voters[0]!.id), 'INVALID_INPUT')
  expect(message).toContain('回执码')
  expect(await rows()).toEqual({ voters: 0, ballots: 0 })
})

test('a receipt already used in the motion is CONFLICT 回执码重复，请重试, nothing written; that voter then votes with another', async () => {
  const taken = 'WXYZ-2345-6789-ABCD'
  await h.ok('motion.cast', { id: motionId, choice: 0, receipt: taken }, voters[0]!.id)
  const before = await rows()
  const r = await h.call('motion.cast', { id: motionId, choice: 2, receipt: taken }, voters[1]!.id)
  expect(refused(r, 'CONFLICT')).toBe('回执码重复，请重试')
  // neither the voter row nor the ballot: voter 1 has not voted
  expect(await rows()).toEqual(before)
  expect(await h.sql.get('SELECT 1 FROM motion_voters WHERE motion_id = ? AND voter_key = ?', [motionId, voters[1]!.id])).toBeUndefined()
  expect(await h.sql.all('SELECT choice FROM motion_ballots WHERE motion_id = ? AND receipt_hash = ?', [motionId, sha(taken)])).toEqual([{ choice: '0' }])
  // the same receipt in another motion is fine
  const other = await openVote(h, { title: '另一项议题' })
  expect(await h.ok('motion.cast', { id: other, choice: 'yes', receipt: taken }, voters[1]!.id)).toEqual({ receipt: taken })
  // and voter 1 votes here with a fresh receipt
  const fresh = 'HJKM-NPQR-STUV-WXYZ'
  expect(await h.ok('motion.cast', { id: motionId, choice: 2, receipt: fresh }, voters[1]!.id)).toEqual({ receipt: fresh })
  expect(await rows()).toEqual({ voters: 2, ballots: 2 })
})

test('a retry after a lost reply (same voter, same receipt) is ALREADY_VOTED, and verifying the kept receipt says counted', async () => {
  const kept = 'MNPQ-RSTU-VWXY-Z234'
  await h.ok('motion.cast', { id: motionId, choice: 1, receipt: kept }, voters[0]!.id)
  refused(await h.call('motion.cast', { id: motionId, choice: 1, receipt: kept }, voters[0]!.id), 'ALREADY_VOTED')
  // a different receipt on retry is ALREADY_VOTED too, and writes nothing
  refused(await h.call('motion.cast', { id: motionId, choice: 1, receipt: 'ABCD-ABCD-ABCD-ABCD' }, voters[0]!.id), 'ALREADY_VOTED')
  expect(await rows()).toEqual({ voters: 1, ballots: 1 })
  expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: kept }, voters[0]!.id)).toEqual({ counted: true, choice: null })
  expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: 'ABCD-ABCD-ABCD-ABCD' }, voters[0]!.id)).toEqual({ counted: false, choice: null })
})

describe('motion.recordOffline takes the committee phone’s receipt the same way', () => {
  const record = (residentId: string, choice: unknown, receipt?: unknown) =>
    h.call<{ receipt: string }>('motion.recordOffline', { id: motionId, residentId, choice, ...(receipt === undefined ? {} : { receipt }) }, COMMITTEE)

  test('returned, stored as the hash, counted before close without the choice, listed with its choice after', async () => {
    const [paper] = await addVoters(h, 1, { prefix: '戊', rosterOnly: true })
    const mine = 'QRST-UVWX-YZ23-4567'
    const r = await record(paper!.id, 2, mine)
    expect(r).toEqual({ ok: true, data: { receipt: mine } })
    expect(await rows()).toEqual({ voters: 1, ballots: 1 })
    expect(await h.sql.get('SELECT channel, recorded_by FROM motion_voters WHERE motion_id = ?', [motionId])).toEqual({ channel: 'offline', recorded_by: COMMITTEE })
    expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: mine }, COMMITTEE)).toEqual({ counted: true, choice: null })
    await closeVote(h, motionId)
    const result = await h.ok<MotionResultView>('motion.result', { id: motionId }, voters[0]!.id)
    expect(result.ballots).toEqual([{ receiptHash: sha(mine), choice: 2 }])
    expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: mine }, COMMITTEE)).toEqual({ counted: true, choice: 2 })
  })

  test.each([
    ['lower case', 'qrst-uvwx-yz23-4567'],
    ['a look-alike letter (I)', 'QRST-UVWX-YZ23-456I'],
    ['too long', 'QRST-UVWX-YZ23-4567-ABCD'],
    ['empty', ''],
    ['not text', ['QRST-UVWX-YZ23-4567']],
  ])('a malformed receipt (%s) is INVALID_INPUT with a Chinese message and writes nothing', async (_what, receipt) => {
    expect(refused(await record(voters[0]!.id, 0, receipt), 'INVALID_INPUT')).toContain('回执码')
    expect(await rows()).toEqual({ voters: 0, ballots: 0 })
  })

  test('a receipt already used in the motion (online or offline) is CONFLICT, nothing written; then a fresh one records', async () => {
    const online = 'WXYZ-2345-6789-ABCD'
    const offline = 'HJKM-NPQR-STUV-WXYZ'
    await h.ok('motion.cast', { id: motionId, choice: 0, receipt: online }, voters[0]!.id)
    await h.ok('motion.recordOffline', { id: motionId, residentId: voters[1]!.id, choice: 1, receipt: offline }, COMMITTEE)
    const before = await rows()
    for (const taken of [online, offline]) {
      expect(refused(await record(voters[2]!.id, 2, taken), 'CONFLICT')).toBe('回执码重复，请重试')
      expect(await rows()).toEqual(before)
    }
    expect(await h.sql.get('SELECT 1 FROM motion_voters WHERE motion_id = ? AND voter_key = ?', [motionId, voters[2]!.id])).toBeUndefined()
    expect(await h.sql.all('SELECT receipt_hash, choice FROM motion_ballots WHERE motion_id = ? ORDER BY choice', [motionId])).toEqual([
      { receipt_hash: sha(online), choice: '0' },
      { receipt_hash: sha(offline), choice: '1' },
    ])
    const fresh = 'ABCD-EFGH-JKMN-PQRS'
    expect(await record(voters[2]!.id, 2, fresh)).toEqual({ ok: true, data: { receipt: fresh } })
    expect(await rows()).toEqual({ voters: 3, ballots: 3 })
  })

  test('the retry after a lost reply at a meeting is ALREADY_VOTED, writes nothing, and the kept receipt verifies as counted', async () => {
    const kept = 'MNPQ-RSTU-VWXY-Z234'
    await h.ok('motion.recordOffline', { id: motionId, residentId: voters[0]!.id, choice: 1, receipt: kept }, COMMITTEE)
    refused(await record(voters[0]!.id, 1, kept), 'ALREADY_VOTED')
    refused(await record(voters[0]!.id, 0), 'ALREADY_VOTED')
    expect(await rows()).toEqual({ voters: 1, ballots: 1 })
    expect(await h.ok('motion.verifyReceipt', { id: motionId, receipt: kept }, COMMITTEE)).toEqual({ counted: true, choice: null })
  })
})
