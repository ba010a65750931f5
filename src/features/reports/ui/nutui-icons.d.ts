// Per-icon entries of @nutui/icons-react-taro (its barrel is marked side-effectful and would pull every icon in).
declare module '@nutui/icons-react-taro/dist/es/icons/*.js' {
  import type { ComponentType, CSSProperties } from 'react'
  const Icon: ComponentType<{ size?: string | number; color?: string; className?: string; style?: CSSProperties }>
  export default Icon
}

declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  /** NutUI's icon settings, shared by every icon and NutUI component: `tag` is the element an icon renders as. */
  export function configure(config: { tag?: string; classPrefix?: string; useSvg?: boolean; fontClassName?: string }): void
}
