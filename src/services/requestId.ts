/** A client id for one submit attempt (DESIGN §4 `requestId`, 8–64 chars of [A-Za-z0-9_-]). */
export function newRequestId(): string {
  const time = Date.now().toString(36)
  let rand = ''
  while (rand.length < 16) rand += Math.random().toString(36).slice(2)
  return `r${time}${rand.slice(0, 16)}`
}
