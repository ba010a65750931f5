import { addressKey, type AddressPart } from '@/domain/residents/address'

test.each<[string, AddressPart, string]>([
  // suffixes, one per kind
  ['8栋', 'building', '8'],
  ['8号楼', 'building', '8'],
  ['8幢', 'building', '8'],
  ['8楼', 'building', '8'],
  ['A座', 'building', 'a'],
  ['2单元', 'unit', '2'],
  ['2', 'unit', '2'],
  ['301室', 'room', '301'],
  ['301号', 'room', '301'],
  ['301户', 'room', '301'],
  // full-width → half-width (NFKC), whitespace anywhere, Latin case
  ['３０１', 'room', '301'],
  ['３０１室', 'room', '301'],
  [' 8栋 ', 'building', '8'],
  ['8\u3000栋', 'building', '8'],
  ['2 单元', 'unit', '2'],
  ['Ｂ座', 'building', 'b'],
  ['b', 'building', 'b'],
  // only ONE suffix, only of the part's own kind, never down to nothing
  ['8栋楼', 'building', '8栋'],
  ['301室', 'building', '301室'],
  ['2单元', 'room', '2单元'],
  ['8栋', 'unit', '8栋'],
  ['栋', 'building', '栋'],
  ['单元', 'unit', '单元'],
  ['', 'unit', ''],
  ['   ', 'unit', ''],
  // suffix only at the end; Chinese numerals left alone
  ['栋8', 'building', '栋8'],
  ['一组', 'building', '一组'],
  ['1组', 'building', '1组'],
  ['东区3栋', 'building', '东区3'],
])('addressKey(%p, %p) → %p', (part, kind, key) => expect(addressKey(part, kind)).toBe(key))

test('spellings of one address share a key; different addresses do not', () => {
  const same = (a: string, b: string, kind: AddressPart) => addressKey(a, kind) === addressKey(b, kind)
  expect(same('3栋', '3', 'building')).toBe(true)
  expect(same('8号楼', ' 8栋', 'building')).toBe(true)
  expect(same('３０１室', '301', 'room')).toBe(true)
  expect(same('301', '302', 'room')).toBe(false)
  expect(same('一组', '1组', 'building')).toBe(false)
  expect(same('', '1单元', 'unit')).toBe(false)
})
