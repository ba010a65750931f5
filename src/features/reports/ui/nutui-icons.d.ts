// Per-icon entries of @nutui/icons-react-taro (its barrel is marked side-effectful and would pull every icon in).
declare module '@nutui/icons-react-taro/dist/es/icons/*.js' {
  import type { ComponentType, CSSProperties } from 'react'
  const Icon: ComponentType<{ size?: string | number; color?: string; className?: string; style?: CSSProperties }>
  export default Icon
}
