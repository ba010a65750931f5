// The signed-in person's community, with its grids; choosing it at first sign-in.
export { useCommunity } from './useCommunity'
export { useChooseCommunity, useCommunityChoices } from './useChooseCommunity'
