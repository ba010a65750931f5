/** The one export of Stencil's client runtime the component tests use (test/support/dom-setup.ts). */
declare module '@stencil/core/internal/client' {
  export function setErrorHandler(handler: (err: unknown, element?: HTMLElement) => void): void
}
