import { createHash } from 'node:crypto'
import { AppError } from '@/domain/shared/errors'
import type { OrgCount, OrgOutcome, OrgRow } from '../../org/ports'

/** The statements of one transaction, `?` placeholders (PostgreSQL's adapter numbers them). */
export interface OrgSql {
  all<T>(sql: string, params: unknown[]): Promise<T[]>
  /** the number of rows it changed */
  run(sql: string, params: unknown[]): Promise<number>
}

/** A new place's id: its kind and a digest of its path of names, the same for the same sheet on any engine. */
const idOf = (prefix: string, ...path: string[]) => `${prefix}_${createHash('sha256').update(path.join('\u0000')).digest('hex').slice(0, 12)}`

type Table = 'cities' | 'districts' | 'streets' | 'communities' | 'grids'

/**
 * OrgRepo.apply's steps, once for both engines (inside the engine's transaction): each place looked up by its
 * name under its parent, created when missing (ids from the path of names, seq after the table's last), a street
 * placed under its district with its reports' district and city moved along.
 */
export async function applyOrg(sql: OrgSql, rows: OrgRow[]): Promise<OrgOutcome> {
  const count = (): OrgCount => ({ created: 0, kept: 0 })
  const out: OrgOutcome = { cities: count(), districts: count(), streets: count(), communities: count(), grids: count(), moved: { streets: 0, reports: 0 } }
  const nextSeq = new Map<Table, number>()
  const seq = async (table: Table) => {
    let n = nextSeq.get(table)
    if (n === undefined) n = ((await sql.all<{ n: number | null }>(`SELECT max(seq) AS n FROM ${table}`, []))[0]?.n ?? -1) + 1
    nextSeq.set(table, n + 1)
    return Number(n)
  }
  const memo = new Map<string, string>()
  /** The id of a place found by `find`, or created by `create`; each place once per import. */
  const place = async (key: string, tally: OrgCount, find: () => Promise<string | undefined>, create: () => Promise<string>) => {
    const known = memo.get(key)
    if (known) return known
    const found = await find()
    if (found) tally.kept++
    else tally.created++
    const id = found ?? (await create())
    memo.set(key, id)
    return id
  }
  const one = async (q: string, p: unknown[]) => (await sql.all<{ id: string }>(q, p))[0]?.id

  for (const r of rows) {
    const cityId = await place(`c/${r.city}`, out.cities, () => one('SELECT id FROM cities WHERE name = ?', [r.city]), async () => {
      const id = idOf('ct', r.city)
      await sql.run('INSERT INTO cities (id, name, seq) VALUES (?, ?, ?)', [id, r.city, await seq('cities')])
      return id
    })
    const districtId = await place(
      `d/${r.city}/${r.district}`,
      out.districts,
      () => one('SELECT id FROM districts WHERE city_id = ? AND name = ?', [cityId, r.district]),
      async () => {
        const id = idOf('d', r.city, r.district)
        await sql.run('INSERT INTO districts (id, city_id, name, seq) VALUES (?, ?, ?, ?)', [id, cityId, r.district, await seq('districts')])
        return id
      },
    )
    const streetId = await place(
      `s/${r.street}`,
      out.streets,
      async () => {
        const found = await sql.all<{ id: string; district_id: string | null }>('SELECT id, district_id FROM streets WHERE name = ?', [r.street])
        if (found.length > 1) throw new AppError('CONFLICT', `数据库里有 ${found.length} 个叫“${r.street}”的街道，无法确定第 ${r.line} 行指哪一个`)
        const street = found[0]
        if (street && street.district_id !== districtId) {
          await sql.run('UPDATE streets SET district_id = ? WHERE id = ?', [districtId, street.id])
          out.moved.streets++
          out.moved.reports += await sql.run('UPDATE reports SET district_id = ?, city_id = ? WHERE street_id = ?', [districtId, cityId, street.id])
        }
        return street?.id
      },
      async () => {
        const id = idOf('st', r.street)
        await sql.run('INSERT INTO streets (id, name, seq, district_id) VALUES (?, ?, ?, ?)', [id, r.street, await seq('streets'), districtId])
        return id
      },
    )
    const communityId = await place(
      `m/${streetId}/${r.community}`,
      out.communities,
      async () => {
        const id = await one('SELECT id FROM communities WHERE street_id = ? AND name = ?', [streetId, r.community])
        if (id) await sql.run('UPDATE communities SET kind = ? WHERE id = ? AND kind <> ?', [r.kind, id, r.kind])
        return id
      },
      async () => {
        const id = idOf('c', streetId, r.community)
        await sql.run('INSERT INTO communities (id, street_id, name, kind, seq) VALUES (?, ?, ?, ?, ?)', [id, streetId, r.community, r.kind, await seq('communities')])
        return id
      },
    )
    await place(
      `g/${communityId}/${r.grid}`,
      out.grids,
      () => one('SELECT id FROM grids WHERE community_id = ? AND name = ?', [communityId, r.grid]),
      async () => {
        const id = idOf('g', communityId, r.grid)
        await sql.run('INSERT INTO grids (id, community_id, name, seq) VALUES (?, ?, ?, ?)', [id, communityId, r.grid, await seq('grids')])
        return id
      },
    )
  }
  return out
}
