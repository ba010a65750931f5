import { read, write } from '../shared/contract'
import { emptySchema, type Page } from '../shared/text'
import { applicationListSchema } from '../residents'
import {
  volunteerApplySchema,
  volunteerBoardSchema,
  volunteerReviewSchema,
  volunteerStatsSchema,
  type VolunteerApplicationView,
  type VolunteerBoard,
  type VolunteerStats,
} from '.'

export const volunteersContract = {
  'volunteer.apply': write(volunteerApplySchema).returns<VolunteerApplicationView>(),
  'volunteer.myApplication': read(emptySchema).returns<VolunteerApplicationView | null>(),
  'volunteer.applications': read(applicationListSchema).returns<Page<VolunteerApplicationView>>(),
  'volunteer.review': write(volunteerReviewSchema).returns<VolunteerApplicationView>(),
  'volunteer.stats': read(volunteerStatsSchema).returns<VolunteerStats>(),
  'volunteer.board': read(volunteerBoardSchema).returns<VolunteerBoard>(),
}
