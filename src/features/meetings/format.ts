/** 'YYYY-MM-DD' → 2026年11月3日 (a meeting's day and a task's deadline are calendar days, no time zone). */
export function dayText(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return m ? `${m[1]}年${+m[2]!}月${+m[3]!}日` : day
}
