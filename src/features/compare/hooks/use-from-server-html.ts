import { useState, useSyncExternalStore } from 'react'

const subscribeNothing = () => () => {}

/**
 * True on the server and in a component first rendered while hydrating server HTML (for the component's
 * whole life, so its markup keeps matching); false in a page rendered in the browser. Server HTML has
 * everything (every paragraph, the summary); a page rendered in the browser can draw the first screen
 * first and bring the rest in small steps.
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
