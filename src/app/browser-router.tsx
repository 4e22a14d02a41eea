import { startTransition, useLayoutEffect, useState, type ReactNode } from 'react'
import { Router, UNSAFE_createBrowserHistory as createBrowserHistory, type Location } from 'react-router'

type RouterState = { action: ReturnType<typeof createBrowserHistory>['action']; location: Location }

/**
 * react-router's `BrowserRouter`, but back and forward render like every other navigation. React renders
 * an update made during a `popstate` event synchronously, so that the browser can restore scroll and form
 * state at once; for a big page (the library with 10,000 articles) that is one long task of about 100 ms
 * at 4× CPU. Parallax restores scroll itself (scroll-restoration.tsx), so the location change is applied a
 * task later, in a transition that yields to the browser — as for links.
 * See docs/decisions/0005-scroll-restoration.md.
 */
export function AppBrowserRouter({ basename, children }: { basename: string; children: ReactNode }) {
  const [history] = useState(() => createBrowserHistory({ v5Compat: true }))
  const [state, setState] = useState<RouterState>({ action: history.action, location: history.location })
  useLayoutEffect(
    () =>
      history.listen(({ action, location }) => {
        if (action !== 'POP') return startTransition(() => setState({ action, location }))
        // The latest entry when the task runs: a link followed meanwhile must not be undone.
        setTimeout(
          () => startTransition(() => setState({ action: history.action, location: history.location })),
          0,
        )
      }),
    [history],
  )
  return (
    <Router basename={basename} location={state.location} navigationType={state.action} navigator={history}>
      {children}
    </Router>
  )
}
