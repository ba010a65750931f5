import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { TimelineEntry } from '@/domain/reports'
import { usePhotoSrcs } from '@/features/common/usePhotoSrcs'
import { stepTime, timelineLabel } from '../format'
import './Timeline.scss'

/** The whole history of a report, oldest first: what happened, who, when, the note and its photos. */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  // every step's photos in one go (on 云开发: one exchange for the whole timeline)
  const all = usePhotoSrcs(entries.flatMap((e) => e.photos.map((p) => p.url)))
  let at = 0
  return (
    <View className='gz-timeline' data-testid='timeline'>
      {entries.map((e, i) => {
        const urls = all.slice(at, (at += e.photos.length)).filter(Boolean)
        return (
          <View key={e.id} className={`gz-timeline__step${i === entries.length - 1 ? ' gz-timeline__step--last' : ''}`} data-testid='timeline-step'>
            <View className='gz-timeline__dot' />
            <View className='gz-timeline__body'>
              <View className='gz-timeline__head'>
                <Text className='gz-timeline__what' data-testid='timeline-what'>
                  {timelineLabel(e)}
                </Text>
                <Text className='gz-timeline__when'>{stepTime(e.at)}</Text>
              </View>
              <Text className='gz-timeline__who' data-testid='timeline-who'>
                {e.actor}
              </Text>
              {e.note ? (
                <Text className='gz-timeline__note' data-testid='timeline-note'>
                  {e.note}
                </Text>
              ) : null}
              {urls.length ? (
                <View className='gz-timeline__photos'>
                  {urls.map((u) => (
                    <Image
                      key={u}
                      className='gz-timeline__photo'
                      src={u}
                      mode='aspectFill'
                      onClick={() => void Promise.resolve(Taro.previewImage({ current: u, urls })).catch(() => undefined)}
                    />
                  ))}
                </View>
              ) : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
