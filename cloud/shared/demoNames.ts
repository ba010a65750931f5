/**
 * Plausible made-up Chinese names for the demo (seed households and people, dev-login users), so screens read
 * as they will with real people: 王建华, not 王某华 (which reads like a masked name) nor 居民 E29E.
 */
export const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'] as const
/** the middle character that goes with each surname above (one each, so every seeded name differs) */
export const MIDDLES = ['建', '秀', '国', '玉', '志', '春', '文', '德', '美', '永'] as const
export const GIVEN = ['华', '芳', '军', '敏', '静', '强', '丽', '磊', '洋', '勇'] as const

const MORE_SURNAMES = ['孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭']
const FIRST = ['建', '秀', '国', '玉', '志', '春', '文', '德', '美', '永', '海', '金', '丽', '明', '小', '晓', '红', '家', '佳', '子']
const LAST = ['华', '芳', '军', '敏', '静', '强', '丽', '磊', '洋', '勇', '平', '英', '兰', '梅', '杰', '涛', '霞', '斌', '琴', '峰']

/** A name for a new demo user, the same for the same id: 孙晓梅, 郭志峰 … (about 40,000 of them). */
export function plausibleName(id: string): string {
  let h = 2166136261
  for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
  const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length] as T
  const surnames = [...SURNAMES, ...MORE_SURNAMES]
  return pick(surnames, h) + pick(FIRST, h >>> 8) + pick(LAST, h >>> 16)
}
