import { startTransition, useEffect, useState, useSyncExternalStore } from 'react'

const subscribeNothing = () => () => {}

/**
 * True on the server and in a component first rendered while hydrating server HTML (for the component's
 * whole life, so its markup keeps matching); false in a page rendered in the browser.
 */
export function useFromServerHtml(): boolean {
  const fromServerHtml = useSyncExternalStore(
    subscribeNothing,
    () => false,
    () => true,
  )
  const [latched] = useState(fromServerHtml)
  return latched
}

/**
 * Whether to render work that can wait (the summary below the side-by-side view). On the server and while
 * hydrating server HTML it is true from the start, so the markup matches; on a page rendered in the
 * browser it is false for the first commit and becomes true in a transition right after, so the links are
 * drawn before the summary's wording comparisons run.
 */
export function useAfterFirstPaint(): boolean {
  const latched = useFromServerHtml()
  const [later, setLater] = useState(false)
  useEffect(() => {
    if (!latched) startTransition(() => setLater(true))
  }, [latched])
  return latched || later
}
