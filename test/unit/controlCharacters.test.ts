/**
 * Issue 16, finding 3: control characters are refused at the schema, in every text field of every action.
 * The test walks each action's input schema (zod's own definitions, so a new field is covered without
 * listing it here) to every place a string goes in, and parses values there alone. Newline and tab pass only
 * in the fields listed as multi-line below (the forms' text boxes).
 */
import type { z } from 'zod'
import { CONTRACT, ACTION_NAMES } from '@/domain/contract'

type Def = { type: string; [k: string]: unknown }
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def

/** A schema whose input is a string: a z.string, or a pipe/transform chain that starts with one. */
function takesString(s: z.ZodType): boolean {
  const d = defOf(s)
  if (d.type === 'string') return true
  if (d.type === 'pipe') return takesString(d.in as z.ZodType)
  return false
}

/** Every string-taking node of a schema, with its path (array items as `[]`). */
function stringLeaves(s: z.ZodType, path: string, out: { path: string; schema: z.ZodType }[]): void {
  if (takesString(s)) {
    out.push({ path, schema: s })
    return
  }
  const d = defOf(s)
  const child = (x: unknown, p: string) => stringLeaves(x as z.ZodType, p, out)
  switch (d.type) {
    case 'object':
      for (const [k, v] of Object.entries(d.shape as Record<string, z.ZodType>)) child(v, path ? `${path}.${k}` : k)
      return
    case 'array':
      return child(d.element, `${path}[]`)
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return child(d.innerType, path)
    case 'pipe':
      return child(d.in, path)
    case 'union':
      for (const o of d.options as z.ZodType[]) child(o, path)
      return
    case 'intersection':
      child(d.left, path)
      return child(d.right, path)
    case 'record':
      return child(d.valueType, `${path}{}`)
    case 'tuple':
      for (const [i, t] of (d.items as z.ZodType[]).entries()) child(t, `${path}[${i}]`)
      return
    case 'lazy':
      return child((d.getter as () => z.ZodType)(), path)
    default:
      return // numbers, booleans, enums, literals: no text goes in
  }
}

/** Text boxes of the forms: the only fields where a newline or a tab is text. */
const MULTILINE = new Set([
  'household.import csv',
  'meeting.record decision',
  'motion.assessRisk consultation.summary',
  'motion.assessRisk mitigation',
  'motion.assessRisk risks[].description',
  'meeting.completeTask note',
  'visit.log note',
  'visit.log raiseReport.description',
  'resident.review reason',
  'volunteer.apply skills',
  'volunteer.apply availability',
  'volunteer.review reason',
  'warning.assess note',
  'notice.publish body',
  'report.create description',
  'report.edit description',
  'report.transition note',
  'report.dispatch note',
  'report.rate comment',
  'report.mediate session.note',
  'report.mediate agreement',
  'contact.log note',
  'contact.raise description',
  'motion.create preamble',
  'motion.create articles[].text',
  'motion.update preamble',
  'motion.update articles[].text',
  'motion.comment text',
  'motion.reply text',
  'shift.create note',
  'shift.cancel reason',
  'shift.log note',
  'shift.log report.description',
  'reward.create description',
  'callout.create description',
  'callout.close reason',
])

const leaves = ACTION_NAMES.flatMap((action) => {
  const out: { path: string; schema: z.ZodType }[] = []
  stringLeaves(CONTRACT[action].input, '', out)
  return out.map((l) => ({ field: `${action} ${l.path}`, schema: l.schema }))
})

const PLAIN = '测试一下的文字'
const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']
const accepts = (s: z.ZodType, v: string) => s.safeParse(v).success

test('the walk finds the text fields (a sanity check on the walker itself)', () => {
  const fields = leaves.map((l) => l.field)
  for (const f of ['shift.create title', 'shift.log note', 'report.mediate parties[].name', 'notice.publish body', 'auth.wxLogin code']) {
    expect(fields).toContain(f)
  }
  expect(leaves.length).toBeGreaterThan(80)
})

// The roster file's C1 range is left to its parser: it is the mark of GBK read as Latin-1, answered with the
// "not UTF-8" message, and a cell holding any control character is a rejected line (residents.import tests).
const C1 = /[\u0080-\u009f]/

test.each(leaves.map((l) => [l.field, l.schema] as const))('%s refuses control characters', (field, schema) => {
  for (const c of CONTROLS.filter((x) => field !== 'household.import csv' || !C1.test(x))) {
    expect(accepts(schema, `${c}${PLAIN}`)).toBe(false)
    expect(accepts(schema, `测试${c}一下的文字`)).toBe(false)
    expect(accepts(schema, `${PLAIN}${c}`)).toBe(false)
  }
})

const freeText = leaves.filter((l) => accepts(l.schema, PLAIN))

test('newline and tab are text only in the multi-line fields', () => {
  const multiline = freeText
    .filter((l) => accepts(l.schema, '测试一下\n第二行') && accepts(l.schema, '测试\t一下的文字'))
    .map((l) => l.field)
  expect(multiline.sort()).toEqual([...MULTILINE].sort())
  // and a single-line field refuses each of them alone
  for (const l of freeText.filter((x) => !MULTILINE.has(x.field))) {
    expect([l.field, accepts(l.schema, '测试一下\n第二行')]).toEqual([l.field, false])
    expect([l.field, accepts(l.schema, '测试\t一下的文字')]).toEqual([l.field, false])
  }
})

test('a multi-line field keeps line breaks, CRLF made LF; emoji and combining marks are text', () => {
  const body = CONTRACT['notice.publish'].input
  const r = body.safeParse({ title: '通知', body: '第一行\r\n第二行\r第三行\t完', category: 'notice' })
  expect(r.success && r.data.body).toBe('第一行\n第二行\n第三行\t完')
  const title = CONTRACT['shift.create'].input
  const t = title.safeParse({
    title: '巡逻🚓 e\u0301',
    area: { latitude: 29.7, longitude: 120.2, radius: 100 },
    startAt: '2099-01-01T01:00:00.000Z',
    endAt: '2099-01-01T02:00:00.000Z',
    capacity: 3,
  })
  expect(t.success).toBe(true)
})
