import { createContext } from 'react'

/**
 * The first URL's page at start-up (see AppRoutes): whether it is still being held back while its code and
 * data load (`holding`), and the error it failed with, if any. A context rather than props, so the end of
 * start-up re-renders only what shows it (the page's frame, its error boundary, scroll restoration), not
 * the route table and the header.
 * See docs/decisions/0008-first-page-context.md.
 */
export type FirstPage = { holding: boolean; error: unknown }

export const FirstPageContext = createContext<FirstPage>({ holding: false, error: undefined })
