/** The public entry of notices: other features use nothing of it; the store composes its repository. */
export type { NoticeRepo, NoticesStore } from './ports'
