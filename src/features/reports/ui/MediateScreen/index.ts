export { MediateScreen } from './MediateScreen'
