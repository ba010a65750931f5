import { useEffect, useState } from 'react'
import { onCloud } from '@/services/cloud'
import { cachedPhotoUrl, nextRenewal, RENEW_BEFORE_MS, resolvePhotoLinks } from '@/services/cloudPhotos'
import { photoSrc } from '@/services/upload'

/** A signed photo link of the API (`/files/<id>?e=&s=`), as the report views hand them out. */
const isSignedLink = (s: string) => s.startsWith('/files/')

/**
 * The addresses the image components show for photo links, in order. Over HTTP: the signed links themselves
 * (photoSrc, at once). On 云开发: temporary URLs from the API (file.links), asked for together by every photo of
 * the screen, cached, and renewed shortly before they expire; '' while not known yet or when refused (the
 * component shows no picture rather than a broken one). Anything that is not a signed link (a picture just taken
 * on the phone) stays as it is.
 */
export function usePhotoSrcs(links: readonly string[]): string[] {
  const cloud = onCloud()
  const key = links.join('\n')
  const [, setTick] = useState(0)
  useEffect(() => {
    if (!cloud) return undefined
    const signed = links.filter(isSignedLink)
    if (signed.length === 0) return undefined
    let alive = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const renewLater = () => {
      const at = nextRenewal(signed)
      if (at !== null) timer = setTimeout(refresh, Math.max(RENEW_BEFORE_MS / 2, at - Date.now()))
    }
    function refresh() {
      // all known and fresh (rendered from the cache): nothing to ask, nothing to re-render
      if (signed.every((l) => cachedPhotoUrl(l) !== undefined)) return renewLater()
      void resolvePhotoLinks(signed).then(() => {
        if (!alive) return
        setTick((n) => n + 1)
        renewLater()
      })
    }
    refresh()
    return () => {
      alive = false
      if (timer) clearTimeout(timer)
    }
    // the links' text is the dependency: a new array of the same links asks nothing again
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cloud, key])
  if (!cloud) return links.map(photoSrc)
  return links.map((l) => (isSignedLink(l) ? (cachedPhotoUrl(l) ?? '') : l))
}
