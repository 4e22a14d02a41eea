/**
 * Start-up stage two (see src/boot.ts): importing this module evaluates the router and TanStack Query.
 * Named re-exports of what src/main.tsx uses anyway, so tree-shaking keeps working.
 * See docs/decisions/0009-staged-start-up.md.
 */
export { Router, UNSAFE_createBrowserHistory } from 'react-router'
export { QueryClientProvider } from '@tanstack/react-query'
