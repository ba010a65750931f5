/** The caller's community and its grids (community.get). */

export interface GridRef {
  id: string
  name: string
}

export interface CommunityView {
  id: string
  name: string
  streetName: string
  grids: GridRef[]
}
