/** The public entry of contacts (党员干部联系户): other features use nothing of it; the store composes its repository. */
export type { ContactRepo, ContactsStore } from './ports'
