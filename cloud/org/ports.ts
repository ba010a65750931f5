/**
 * The organisation a city runs on — 市 › 区 › 街道 › 社区/村 › 网格 — as an operator loads it from a sheet
 * (`npm run org`). Not an API action: only whoever holds the database's credentials changes the organisation.
 */

/** One grid of the sheet with the names of everything above it. */
export interface OrgRow {
  /** 1-based line in the file (the header is line 1) */
  line: number
  city: string
  district: string
  street: string
  community: string
  kind: 'community' | 'village'
  grid: string
}

export interface OrgCount {
  created: number
  kept: number
}

export interface OrgOutcome {
  cities: OrgCount
  districts: OrgCount
  streets: OrgCount
  communities: OrgCount
  grids: OrgCount
  /** streets placed under another district than before, and their reports moved with them */
  moved: { streets: number; reports: number }
}

export interface OrgRepo {
  /**
   * One transaction (imports one at a time): finds each place by its name under its parent (a street by its
   * name in the whole database, so that a sheet can move it to another district), creates what is missing, places
   * each street under its district — moving the district and city of the street's reports with it — and sets a
   * community's kind. Nothing is deleted: a place missing from the sheet stays.
   */
  apply(rows: OrgRow[]): Promise<OrgOutcome>
}
