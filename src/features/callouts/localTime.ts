import dayjs from 'dayjs'

/** A local 'YYYY-MM-DD HH:mm' (the DateTimeField's value) as an ISO time with its offset; undefined when incomplete. */
export function localToIso(local: string): string | undefined {
  if (!local) return undefined
  const d = dayjs(local.replace(' ', 'T'))
  return d.isValid() ? d.format('YYYY-MM-DDTHH:mm:ssZ') : undefined
}
