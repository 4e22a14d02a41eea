import { useEffect, useLayoutEffect, useRef } from 'react'
import { useLocation, useNavigationType, type Location } from 'react-router'

const STORAGE_KEY = 'parallax:scroll-positions'
/** Enough history entries for any session; the oldest are dropped beyond it. */
const MAX_ENTRIES = 200

/**
 * Scroll positions are remembered per history entry. A page load that is not a return to an entry of
 * this tab (key "default") is keyed by its address, so a link opened in the same tab never inherits where
 * the last loaded page was scrolled to.
 */
function entryKey(location: Location): string {
  return location.key === 'default' ? `${location.pathname}${location.search}` : location.key
}

function readSaved(): Map<string, number> {
  try {
    const saved: unknown = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '[]')
    if (Array.isArray(saved)) {
      return new Map(
        saved.filter(
          (e): e is [string, number] =>
            Array.isArray(e) && typeof e[0] === 'string' && typeof e[1] === 'number' && Number.isFinite(e[1]),
        ),
      )
    }
  } catch {
    // Unreadable or unavailable storage: start afresh.
  }
  return new Map()
}

function save(positions: Map<string, number>): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...positions].slice(-MAX_ENTRIES)))
  } catch {
    // Storage full or blocked: positions are a convenience.
  }
}

/**
 * What a reader expects of scrolling between pages: back and forward return to where they were on that
 * page (also after a reload), a new page starts at its top (or at the #fragment it links to), and a change
 * of the same page's query (a filter, a highlighted quote) leaves the scroll where it is; the page scrolls
 * to what it highlights itself.
 * See docs/decisions/0005-scroll-restoration.md.
 */
export function ScrollRestoration() {
  const location = useLocation()
  const action = useNavigationType()
  const positions = useRef<Map<string, number> | null>(null)
  const currentKey = useRef<string | null>(null)
  const currentPath = useRef<string | null>(null)

  useEffect(() => {
    const { history } = window
    const previous = history.scrollRestoration
    history.scrollRestoration = 'manual'
    const onScroll = () => {
      if (positions.current && currentKey.current) {
        positions.current.delete(currentKey.current)
        positions.current.set(currentKey.current, window.scrollY)
      }
    }
    const onPageHide = () => {
      if (positions.current) save(positions.current)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('pagehide', onPageHide)
    return () => {
      window.removeEventListener('scroll', onScroll)
      window.removeEventListener('pagehide', onPageHide)
      history.scrollRestoration = previous
    }
  }, [])

  useLayoutEffect(() => {
    positions.current ??= readSaved()
    const key = entryKey(location)
    const previousPath = currentPath.current
    currentKey.current = key
    currentPath.current = location.pathname
    const saved = positions.current.get(key)
    if (previousPath === null) {
      // The first render: a reload or a return to this tab's entry restores its position, unless the
      // reader has already scrolled the prerendered page.
      if (saved !== undefined && window.scrollY === 0) window.scrollTo(0, saved)
      return
    }
    if (action === 'POP' && saved !== undefined) {
      window.scrollTo(0, saved)
      return
    }
    if (location.hash) {
      let target: HTMLElement | null = null
      try {
        target = document.getElementById(decodeURIComponent(location.hash.slice(1)))
      } catch {
        // A malformed fragment points nowhere.
      }
      if (target) {
        target.scrollIntoView()
        return
      }
    }
    if (location.pathname !== previousPath) window.scrollTo(0, 0)
  }, [location, action])

  return null
}
