/** The contract is the one list of actions; handlers and the client derive from it (checked by tsc and here). */
import { z } from 'zod'
import { ACTION_NAMES, CONTRACT, READ_ACTION_NAMES } from '@/domain/contract'
import { composeContracts, read, write } from '@/domain/shared/contract'
import type { Handlers } from '../../cloud/shared/handlers'

const demo = {
  'demo.get': read(z.strictObject({ id: z.string() })).returns<{ id: string; title: string }>(),
  'demo.save': write(z.strictObject({ title: z.string() })).returns<{ id: string }>(),
}

test('a handler table that disagrees with its contract does not compile', () => {
  const good: Handlers<typeof demo> = {
    'demo.get': async (input) => ({ id: input.id, title: 't' }),
    'demo.save': async () => ({ id: '1' }),
  }
  const wrongOutput: Handlers<typeof demo> = {
    // @ts-expect-error the reply lacks `title`
    'demo.get': async (input) => ({ id: input.id }),
    'demo.save': async () => ({ id: '1' }),
  }
  const wrongInput: Handlers<typeof demo> = {
    // @ts-expect-error the handler expects an input its schema does not give
    'demo.get': async (input: { id: number }) => ({ id: String(input.id), title: 't' }),
    'demo.save': async () => ({ id: '1' }),
  }
  // @ts-expect-error an action of the contract without a use case
  const missing: Handlers<typeof demo> = { 'demo.get': good['demo.get'] }
  expect([good, wrongOutput, wrongInput, missing]).toHaveLength(4)
})

test('an action declared by two features is refused', () => {
  expect(() => composeContracts(demo, { 'demo.get': demo['demo.get'] })).toThrow('action demo.get is declared twice')
})

test('every action is feature.verb, and reads are exactly the actions declared as reads', () => {
  for (const name of ACTION_NAMES) expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/)
  expect(READ_ACTION_NAMES).toEqual(ACTION_NAMES.filter((a) => CONTRACT[a].kind === 'read'))
  expect(READ_ACTION_NAMES.length).toBeGreaterThan(0)
  expect(READ_ACTION_NAMES.length).toBeLessThan(ACTION_NAMES.length)
})
