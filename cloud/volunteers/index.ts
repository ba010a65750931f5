/** The public entry of volunteers: other features use nothing of it; the store composes its repository. */
export type { VolunteerApplicationRepo, VolunteersStore } from './ports'
