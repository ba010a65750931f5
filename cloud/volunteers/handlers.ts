import { volunteersContract } from '@/domain/volunteers/contract'
import type { Handlers } from '../shared/handlers'
import type { Deps } from './ports'
import { applyAsVolunteer } from './applyAsVolunteer'
import { listVolunteerApplications } from './listVolunteerApplications'
import { reviewVolunteerApplication } from './reviewVolunteerApplication'
import { viewMyVolunteerApplication } from './viewMyVolunteerApplication'
import { viewVolunteerBoard } from './viewVolunteerBoard'
import { viewVolunteerStats } from './viewVolunteerStats'

export const volunteersHandlers: Handlers<typeof volunteersContract, Deps> = {
  'volunteer.apply': applyAsVolunteer,
  'volunteer.myApplication': viewMyVolunteerApplication,
  'volunteer.applications': listVolunteerApplications,
  'volunteer.review': reviewVolunteerApplication,
  'volunteer.stats': viewVolunteerStats,
  'volunteer.board': viewVolunteerBoard,
}
