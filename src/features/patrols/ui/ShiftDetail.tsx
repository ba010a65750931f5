import { Map as TaroMap, Text, View } from '@tarojs/components'
import { ActionButton } from '@/components/ActionButton'
import { Card } from '@/components/Card'
import { Tag } from '@/components/Tag'
import { SHIFT_PHASE_LABELS, type ShiftDetail as Detail, type ShiftPhase } from '@/domain/patrols'
import type { TagTone } from '@/components/Tag'
import { DetailSkeleton, LoadFailed } from '@/components/LoadState'
import { showOnMap } from '@/features/media'
import { myStatusTag, seatsText, whenText, windowText } from '../format'
import { useShift } from '../useShift'
import { RosterCard } from './RosterCard'
import { ShiftLogs } from './ShiftLogs'
import { VolunteerActions } from './VolunteerActions'
import './ShiftDetail.scss'

const PHASE_TONES: Record<ShiftPhase, TagTone> = { upcoming: 'blue', ongoing: 'green', ended: 'grey', cancelled: 'red' }

interface ShiftDetailProps {
  id: string
  /** the caller may sign up (a volunteer); false: a resident, shown the way to become one */
  volunteer: boolean
  committee: boolean
  /** committee, grid worker or street: reads every volunteer's 巡逻记录 (the server decides; this picks the wording) */
  staff: boolean
  /** a verified resident may apply to be a volunteer; one not yet verified is told to verify first */
  verified: boolean
  onIncident: (id: string) => void
  onApply: () => void
  /** a 发现隐患 report linked from 巡逻记录 */
  onReport: (reportId: string) => void
}

/** One shift: when, where (text, and the map on weapp), seats and note; what I may do now; 巡逻记录; the committee's roster. */
export function ShiftDetail({ id, volunteer, committee, staff, verified, onIncident, onApply, onReport }: ShiftDetailProps) {
  const shift = useShift(id)
  if (shift.status === 'loading') return <DetailSkeleton testid='shift' />
  if (shift.status === 'error' || !shift.data) {
    return <LoadFailed testid='shift' error={shift.error} notFound='这个巡逻班次不存在，或您没有权限查看。' onRetry={() => void shift.reload()} />
  }
  const s = shift.data
  const mine = myStatusTag(s)
  return (
    <View className='gz-page shift-detail' data-testid='shift-detail'>
      {s.status === 'cancelled' ? (
        <View className='gz-banner gz-banner--error' data-testid='shift-cancelled'>
          <Text>这次巡逻已取消{s.cancelReason ? `。原因：${s.cancelReason}` : ''}</Text>
        </View>
      ) : null}
      <Card>
        <View className='shift-detail__tags'>
          <Tag tone={PHASE_TONES[s.phase]} testid='shift-phase'>
            {SHIFT_PHASE_LABELS[s.phase]}
          </Tag>
          {mine ? (
            <Tag tone={mine.tone} testid='shift-my-status'>
              {mine.text}
            </Tag>
          ) : null}
          {s.seriesId ? <Tag tone='grey'>每周重复</Tag> : null}
        </View>
        <Text className='shift-detail__title' data-testid='shift-title'>
          {s.title}
        </Text>
        <View className='shift-detail__facts'>
          <Fact label='时间' value={whenText(s)} testid='shift-when' />
          <Fact label='集合地点' value={s.meetingPoint || '未填写，请看巡逻区域'} />
          <Fact label='巡逻区域' value={`以集合点为中心，半径 ${s.area.radius} 米`} testid='shift-area' />
          <Fact label='名额' value={seatsText(s)} testid='shift-seats' />
          {s.note ? <Fact label='备注' value={s.note} testid='shift-note' /> : null}
          {s.status === 'scheduled' && s.phase !== 'ended' ? (
            <Fact label='签到时间' value={windowText(s.checkinOpensAt, s.endAt)} testid='shift-checkin-window' />
          ) : null}
        </View>
        <AreaMap shift={s} />
      </Card>

      {volunteer ? (
        <VolunteerActions shift={s} handle={shift} onIncident={() => onIncident(s.id)} />
      ) : !committee && !staff ? (
        // residents only: staff (网格员, 街道) are not asked to become volunteers
        <Card title='想参加巡逻？' testid='shift-join'>
          <Text className='shift-detail__hint'>巡逻由社区志愿者报名参加。成为志愿者后就能报名、签到和记录服务时长。</Text>
          {verified ? (
            <ActionButton kind='primary' block testid='shift-apply' onClick={onApply}>
              申请成为志愿者
            </ActionButton>
          ) : (
            <Text className='shift-detail__hint'>请先在“我的”里完成住户认证，再申请成为志愿者。</Text>
          )}
        </Card>
      ) : null}

      <ShiftLogs logs={s.logs} staff={staff} onReport={onReport} />

      {committee ? <RosterCard shift={s} handle={shift} /> : null}
    </View>
  )
}

/** weapp: WeChat's map with the area drawn; both: 在地图中查看 (the map app on weapp, 高德 in a browser). */
function AreaMap({ shift: s }: { shift: Detail }) {
  const point = { latitude: s.area.latitude, longitude: s.area.longitude, address: s.meetingPoint }
  return (
    <View className='shift-detail__map'>
      {process.env.TARO_ENV === 'weapp' ? (
        <TaroMap
          className='shift-detail__map-view'
          latitude={s.area.latitude}
          longitude={s.area.longitude}
          scale={s.area.radius > 600 ? 14 : 16}
          circles={[
            { latitude: s.area.latitude, longitude: s.area.longitude, radius: s.area.radius, color: '#1e5bb8AA', fillColor: '#1e5bb822', strokeWidth: 2 },
          ]}
          showLocation
          onError={() => undefined}
        />
      ) : null}
      <ActionButton kind='plain' testid='shift-map' onClick={() => showOnMap(point, s.meetingPoint || s.title)}>
        在地图中查看
      </ActionButton>
    </View>
  )
}

function Fact({ label, value, testid }: { label: string; value: string; testid?: string }) {
  return (
    <View className='shift-detail__fact'>
      <Text className='shift-detail__fact-label'>{label}</Text>
      <Text className='shift-detail__fact-value' data-testid={testid}>
        {value}
      </Text>
    </View>
  )
}
