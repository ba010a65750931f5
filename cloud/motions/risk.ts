import { riskBlock, type MotionRiskView, type RiskAssessmentView } from '@/domain/motions'
import type { CommunityRecord, UserRecord } from '../shared/ports'
import type { Deps, MotionRecord, RiskAssessmentRecord } from './ports'
import { isAbove } from '../shared/community'
import { isCommitteeOf } from './access'

/** Who sees and does what of a major motion's 稳评 (issue 18). */

/** The street that signs off a 高 assessment: street staff placed at the community's street. */
export function signsOffFor(u: UserRecord, c: CommunityRecord | null): boolean {
  return !!c && u.roles.includes('street') && !!u.streetId && c.streetId === u.streetId
}

export const isOpenForAssessment = (m: MotionRecord): boolean => m.status === 'draft' || m.status === 'consultation'

function fullView(a: RiskAssessmentRecord): RiskAssessmentView {
  return {
    rev: a.rev,
    risks: a.risks,
    consultation: a.consultation,
    level: a.level,
    mitigation: a.mitigation,
    filedByName: a.filedByName,
    filedAt: a.filedAt,
    signOff: a.signOff,
    signedByName: a.signedByName,
    signedAt: a.signedAt,
    signNote: a.signNote,
  }
}

/**
 * The motion's 稳评 as the viewer sees it: everyone of the community that one was made, its level and the
 * sign-off; the committee and the tiers above it the whole assessment.
 */
export async function riskViewFor(
  deps: Deps,
  m: MotionRecord,
  viewer: UserRecord,
  community: CommunityRecord | null,
  found?: RiskAssessmentRecord | null,
): Promise<{ view: MotionRiskView; assessment: RiskAssessmentRecord | null }> {
  const major = m.riskGate !== 'none'
  const a = found !== undefined ? found : major ? await deps.store.motionRisks.get(m.id) : null
  const staff = isCommitteeOf(viewer, m.communityId) || isAbove(viewer, community)
  return {
    assessment: a,
    view: {
      major,
      assessment: a && major ? { level: a.level, filedAt: a.filedAt, signOff: a.signOff } : null,
      block: m.status === 'consultation' || m.status === 'draft' ? riskBlock(m.riskGate, a) : null,
      full: a && major && staff ? fullView(a) : null,
    },
  }
}
