/**
 * Start-up stage one (see src/boot.ts): importing this module evaluates React DOM. Named re-exports, not
 * `import('react-dom/client')` in boot.ts: a dynamic import of a package keeps every export of it.
 * See docs/decisions/0009-staged-start-up.md.
 */
export { createRoot, hydrateRoot } from 'react-dom/client'
