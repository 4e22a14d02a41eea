import { useSyncExternalStore } from 'react'

/** Narrow screens show one article at a time; the CSS uses the same width (50rem = 800 px). */
export const NARROW_QUERY = '(max-width: 49.99rem)'

function subscribeTo(query: string) {
  return (listener: () => void) => {
    if (typeof matchMedia !== 'function') return () => {}
    const list = matchMedia(query)
    list.addEventListener('change', listener)
    return () => list.removeEventListener('change', listener)
  }
}

const subscribers = new Map<string, (listener: () => void) => () => void>()

/**
 * Whether a media query matches. The server (prerender) and the first client render assume a wide
 * screen; the CSS already lays out narrow screens, so only ARIA roles change after hydration.
 */
export function useMediaQuery(query: string): boolean {
  let subscribe = subscribers.get(query)
  if (!subscribe) {
    subscribe = subscribeTo(query)
    subscribers.set(query, subscribe)
  }
  return useSyncExternalStore(
    subscribe,
    () => typeof matchMedia === 'function' && matchMedia(query).matches,
    () => false,
  )
}

export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches
}

export function scrollBehavior(): ScrollBehavior {
  return prefersReducedMotion() ? 'auto' : 'smooth'
}
