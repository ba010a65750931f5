import { maskName, maskPhone } from '@/domain/shared/mask'

test.each([
  ['张', '张'],
  ['张三', '张*'],
  ['张三丰', '张*丰'],
  ['欧阳娜娜', '欧**娜'],
  ['', ''],
  ['𠮷野家', '𠮷*家'], // a character outside the BMP counts once
])('maskName(%p) → %p', (name, masked) => expect(maskName(name)).toBe(masked))

test.each([
  ['13800001234', '138****1234'],
  ['138-0000-1234', '138****1234'],
  ['+86 138 0000 1234', '861******1234'],
  ['123456', '******'],
  ['', ''],
])('maskPhone(%p) → %p', (phone, masked) => expect(maskPhone(phone)).toBe(masked))

test('a masked phone never contains the middle digits', () => {
  const masked = maskPhone('13912345678')
  expect(masked).not.toContain('1234')
  expect(masked.endsWith('5678')).toBe(true)
})
