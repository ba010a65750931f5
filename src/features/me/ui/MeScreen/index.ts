export { MeScreen } from './MeScreen'
