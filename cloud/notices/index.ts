/** The public entry of notices: other features use nothing of it; the store composes its repository. */
export type { NewNotice, NoticeRepo, NoticesStore } from './ports'
