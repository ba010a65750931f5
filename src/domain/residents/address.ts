/**
 * The key two spellings of the same address part share, so that what a resident types ("2", "３０１室",
 * " 8栋") meets what the committee's roster holds ("2单元", "301", "8栋"). Only for matching: the text
 * people typed is what is stored and shown.
 *
 * NFKC (full-width digits and letters → half-width, ideographic space → space), all whitespace removed,
 * Latin letters lower-cased, then ONE trailing suffix of the part's kind stripped (longest first), unless
 * that would leave nothing. Chinese numerals are left alone: "一组" and "1组" are different keys.
 */
export type AddressPart = 'building' | 'unit' | 'room'

const SUFFIXES: Record<AddressPart, readonly string[]> = {
  building: ['号楼', '栋', '幢', '楼', '座'],
  unit: ['单元'],
  room: ['室', '号', '户'],
}

export function addressKey(part: string, kind: AddressPart): string {
  const s = part
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
  for (const suffix of SUFFIXES[kind]) {
    if (s.length > suffix.length && s.endsWith(suffix)) return s.slice(0, -suffix.length)
  }
  return s
}

/** The three keys of an address, as the households and resident_applications tables store them. */
export function addressKeys(building: string, unit: string, room: string): { buildingKey: string; unitKey: string; roomKey: string } {
  return { buildingKey: addressKey(building, 'building'), unitKey: addressKey(unit, 'unit'), roomKey: addressKey(room, 'room') }
}

/**
 * An address as people read it: 3栋2单元301 (a bare number gets 栋 / 单元; no unit → building and room). For
 * display only; matching uses addressKey.
 */
export function addressText(building: string, unit: string | null | undefined, room: string): string {
  const b = /^\d+$/.test(building) ? `${building}栋` : building
  const u = unit ? (/^\d+$/.test(unit) ? `${unit}单元` : unit) : ''
  return `${b}${u}${room}`
}

/** Two spellings of one person's name: whitespace (also full-width) does not count. */
export const sameName = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
