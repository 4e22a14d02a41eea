/**
 * A deploy while a tab is open: the old page asks for chunks that no longer exist. Reload once (to where
 * the reader was going) to pick up the new build, instead of showing an error; if the reload did not help
 * (checked through sessionStorage), let the caller show its error view.
 */

const RELOAD_KEY = 'parallax:chunk-reload'
const RELOAD_GUARD_MS = 60_000
const failedChunkLoads = new WeakSet<object>()

// Vite's preload helper announces every failed dynamic import (and CSS preload) with this event; the
// same error object then rejects the import, which is how isChunkLoadError recognises it.
// (The prerenderer, in Node, shares the route table that imports this: no window there.)
if (typeof window !== 'undefined') {
  window.addEventListener('vite:preloadError', (event) => {
    const payload: unknown = (event as Event & { payload?: unknown }).payload
    if (typeof payload === 'object' && payload !== null) failedChunkLoads.add(payload)
  })
}

export function isChunkLoadError(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && failedChunkLoads.has(error)) return true
  // Browsers' own wording, for imports Vite did not wrap.
  return (
    error instanceof TypeError &&
    /dynamically imported module|module script failed|error loading dynamically imported/i.test(error.message)
  )
}

/** Starts a full page load of `href` unless one was started for this reason within the last minute. */
export function reloadForNewDeploy(href: string): boolean {
  try {
    const last = Number(sessionStorage.getItem(RELOAD_KEY) ?? 0)
    if (Date.now() - last < RELOAD_GUARD_MS) return false
    sessionStorage.setItem(RELOAD_KEY, String(Date.now()))
  } catch {
    // Without storage there is no guard against a reload loop: show the error instead.
    return false
  }
  // Assigning the current address with a #fragment would only scroll to the fragment, not reload.
  const here = new URL(window.location.href)
  const there = new URL(href, here)
  if (there.href.split('#')[0] === here.href.split('#')[0]) window.location.reload()
  else window.location.assign(there.href)
  return true
}
