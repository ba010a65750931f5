/**
 * A list of the domain's state names as SQL text, `('submitted', 'returned', 'accepted')`, so that a query says
 * "the open statuses" from the domain's table instead of retyping it. Only plain names pass (they are code,
 * never input); the same text on both engines. A partial index's WHERE is written out in its migration (the schema's history does not move);
 * SQLite matches it by the expression, so a query built from here still uses it.
 */
export function sqlList(values: readonly string[]): string {
  for (const v of values) if (!/^[A-Za-z_]+$/.test(v)) throw new Error(`not a state name: ${v}`)
  return `(${values.map((v) => `'${v}'`).join(', ')})`
}
