import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_REPORT_PHOTOS } from '@/domain/reports'
import { toApiError } from '@/services/apiError'
import { uploadPhoto } from '@/services/upload'
import { usePhotoSrcs } from '@/features/common/usePhotoSrcs'
import './PhotoPicker.scss'

/** One photo of a form: its device path (or a served address), upload progress 0–100, the server's file id once uploaded. */
export interface PickedPhoto {
  fileId?: string
  localPath: string
  progress: number
  error?: string
}

interface PhotoPickerProps {
  value: PickedPhoto[]
  onChange(v: PickedPhoto[]): void
  max?: number
}

/** Photos still being sent (the form waits for them) or failed (the form asks to retry or remove them). */
export function pendingPhotos(photos: readonly PickedPhoto[]): { uploading: number; failed: number } {
  let uploading = 0
  let failed = 0
  for (const p of photos) {
    if (p.fileId) continue
    if (p.error) failed++
    else uploading++
  }
  return { uploading, failed }
}

export function photoIdsOf(photos: readonly PickedPhoto[]): string[] {
  return photos.filter((p) => p.fileId).map((p) => p.fileId as string)
}

/**
 * Up to `max` photos: each one is uploaded as soon as it is chosen, with its own progress bar;
 * a failed one says so and can be sent again or removed. Big tiles, words beside every icon.
 */
export function PhotoPicker({ value, onChange, max = MAX_REPORT_PHOTOS }: PhotoPickerProps) {
  // Uploads finish out of order: every change starts from the latest list, not the one of the render that began it.
  const latest = useRef(value)
  latest.current = value
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const patch = (localPath: string, change: Partial<PickedPhoto>) => {
    if (!alive.current) return
    const next = latest.current.map((p) => (p.localPath === localPath ? { ...p, ...change } : p))
    if (!next.some((p) => p.localPath === localPath)) return // removed meanwhile
    latest.current = next
    onChangeRef.current(next)
  }

  const send = async (localPath: string) => {
    patch(localPath, { progress: 0, error: undefined, fileId: undefined })
    try {
      let last = -1
      const { fileId } = await uploadPhoto(localPath, (percent) => {
        const rounded = Math.max(0, Math.min(99, Math.round(percent)))
        if (rounded !== last) {
          last = rounded
          patch(localPath, { progress: rounded })
        }
      })
      patch(localPath, { fileId, progress: 100, error: undefined })
    } catch (e) {
      patch(localPath, { error: toApiError(e).message || '上传失败' })
    }
  }

  const choose = async () => {
    const room = max - latest.current.length
    if (room <= 0) return
    let paths: string[]
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      paths = res.tempFilePaths ?? []
    } catch {
      return // cancelled, or no permission: nothing changes
    }
    const known = new Set(latest.current.map((p) => p.localPath))
    const fresh = paths.filter((p) => !known.has(p)).slice(0, room)
    if (!fresh.length) return
    const next = [...latest.current, ...fresh.map((localPath) => ({ localPath, progress: 0 }))]
    latest.current = next
    onChangeRef.current(next)
    for (const p of fresh) void send(p)
  }

  const remove = (localPath: string) => {
    const next = latest.current.filter((p) => p.localPath !== localPath)
    latest.current = next
    onChangeRef.current(next)
  }

  // an edited report's photos are the API's links (on 云开发 exchanged for temporary URLs); new ones are local files
  const srcs = usePhotoSrcs(value.map((p) => p.localPath))
  const preview = (i: number) => {
    const urls = srcs.filter(Boolean)
    if (srcs[i]) Promise.resolve(Taro.previewImage({ current: srcs[i], urls })).catch(() => undefined)
  }

  return (
    <View className='gz-photos' data-testid='photo-picker'>
      <View className='gz-photos__grid'>
        {value.map((p, i) => (
          <View key={p.localPath} className='gz-photos__item' data-testid={`photo-${i}`}>
            {srcs[i] ? <Image className='gz-photos__img' src={srcs[i]} mode='aspectFill' onClick={() => preview(i)} /> : null}
            {!p.fileId && !p.error ? (
              <View className='gz-photos__progress' data-testid={`photo-${i}-progress`}>
                <View
                  className='gz-photos__bar'
                  role='progressbar'
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={p.progress}
                >
                  <View className='gz-photos__fill' style={{ width: `${p.progress}%` }} />
                </View>
                <Text className='gz-photos__pct'>上传中 {p.progress}%</Text>
              </View>
            ) : null}
            {p.error ? (
              <View className='gz-photos__failed' data-testid={`photo-${i}-failed`}>
                <Text className='gz-photos__failed-text'>上传失败</Text>
                <View className='gz-photos__retry' role='button' data-testid={`photo-${i}-retry`} onClick={() => void send(p.localPath)}>
                  <Text>重试</Text>
                </View>
              </View>
            ) : null}
            <View className='gz-photos__remove' role='button' aria-label='删除这张照片' data-testid={`photo-${i}-remove`} onClick={() => remove(p.localPath)}>
              <Text>删除</Text>
            </View>
          </View>
        ))}
        {value.length < max ? (
          <View className='gz-photos__add' hoverClass='gz-photos__add--pressed' role='button' data-testid='photo-add' onClick={() => void choose()}>
            <Text className='gz-photos__plus' aria-hidden='true'>
              ＋
            </Text>
            <Text className='gz-photos__add-text'>拍照/相册</Text>
          </View>
        ) : null}
      </View>
      <Text className='gz-photos__count'>
        已选 {value.length}/{max} 张
      </Text>
    </View>
  )
}
