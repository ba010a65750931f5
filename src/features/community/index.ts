// The signed-in person's community, with its grids.
export { useCommunity } from './useCommunity'
