/** The public entry of 社会动员 on the client: its pages' addresses (the work desk and the patrol tab link to them). */
export { CALLOUT_ROUTES } from './routes'
