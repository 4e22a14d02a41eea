import { isChunkLoadError, reloadForNewDeploy } from './app/chunk-reload'
import { applyStoredTheme } from './ui/theme'
import './app/styles.css'

/**
 * The page's only script in the HTML, about 2 kB gzip. A prerendered page (src/ingest/prerender.ts) is
 * complete, readable HTML: the browser should paint it as soon as the stylesheet is in, as it would a
 * plain static page. So the app's JavaScript (React, the router, the route) is not requested from the
 * <head>, where it would compete with the first paint for bandwidth and the main thread, but right after
 * the first frame; the app then hydrates the markup the reader is already reading. An app shell with no
 * prerendered markup (404.html serving an unknown or query-only address) has nothing to paint, so it
 * starts at once.
 * See docs/decisions/0009-staged-start-up.md.
 */

applyStoredTheme()

/** A new task, so the browser can paint and handle input between start-up stages. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let started = false
    const start = () => {
      if (started) return
      started = true
      observer?.disconnect()
      // A task of its own, after the one that reported the paint.
      void nextTask().then(resolve)
    }
    // A hidden tab (opened in the background) paints no frames: nothing to wait for.
    if (document.visibilityState === 'hidden') return start()
    // The first contentful paint is reported once the frame has actually been presented; a frame
    // callback alone comes before the frame reaches the screen.
    let observer: PerformanceObserver | undefined
    if (
      typeof PerformanceObserver === 'function' &&
      PerformanceObserver.supportedEntryTypes?.includes('paint')
    ) {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length) start()
      })
      observer.observe({ type: 'paint', buffered: true })
    } else {
      // No paint timing (an older browser): a task queued from a frame callback runs after that frame.
      requestAnimationFrame(() => setTimeout(start, 0))
    }
    // Should paints stall or never be reported, start anyway.
    setTimeout(start, 1500)
  })
}

/** Adds a preload link; everything is set before it is inserted, which is when the browser reads it. */
function addLink(rel: 'preload' | 'modulepreload', href: string, fetchData = false): void {
  const link = document.createElement('link')
  link.rel = rel
  if (fetchData) {
    link.as = 'fetch'
    // The app's fetch() is same-origin with credentials, which is what `crossorigin` (anonymous) matches.
    link.crossOrigin = 'anonymous'
  }
  link.href = href
  document.head.append(link)
}

/** Fetches the route's data files (listed by the prerenderer) alongside the app's JavaScript. */
function preloadData(list: string | undefined): void {
  for (const href of list?.split(' ') ?? []) {
    // Same-origin paths only: the list comes from our own build, but a page is no place to trust blindly.
    if (!href.startsWith('/') || href.startsWith('//')) continue
    addLink('preload', href, true)
  }
}

/** Starts downloading every file the app's start-up needs, all at once, without running any of them. */
function preloadApp(): void {
  const list = document.querySelector('meta[name="parallax:app-chunks"]')?.getAttribute('content')
  for (const file of list?.split(' ') ?? []) {
    // Build output names only (assets/name-hash.js), resolved against the deployment base.
    if (!/^[\w./-]+\.js$/.test(file) || file.includes('..')) continue
    addLink('modulepreload', `${import.meta.env.BASE_URL}${file}`)
  }
}

/**
 * The app's code is evaluated in stages, each in a task of its own: React DOM, then the router and
 * TanStack Query, then the app's modules, then the app starts. Evaluated in one go they were one task of
 * ~50 ms on a fast laptop and four times that on a mid-range phone, during which the page cannot respond.
 * The files were all requested up front (preloadApp), so the stages add no round trips.
 */
async function startApp(): Promise<void> {
  preloadApp()
  await import('./app/start-react')
  await nextTask()
  await import('./app/start-libraries')
  await nextTask()
  const app = await import('./main')
  await nextTask()
  await app.startApp()
}

const root = document.getElementById('root')
const prerendered = !!root?.getAttribute('data-prerendered')
/** The app shell (404.html): marked as prerendered, for no path. */
const shell = root?.getAttribute('data-prerendered') === ''

/**
 * The app shell (404.html, `data-prerendered=""`) is served for every address without a page of its own:
 * an unknown one, but also real ones the build did not prerender (two articles of different stories
 * compared). Its own page says "Page not found": right without JavaScript, wrong for those. styles.css
 * hides it until this script runs; here it becomes a neutral "Loading…" (and title) until the app renders
 * the address's own page. Returns how to put the shell's page back, should the app fail to start.
 */
function holdShellPage(): () => void {
  const main = document.getElementById('main')
  if (!root || !shell || !main) return () => {}
  const original = [...main.childNodes]
  const title = document.title
  const loading = document.createElement('p')
  loading.className = 'page page-loading'
  loading.setAttribute('role', 'status')
  loading.textContent = 'Loading…'
  main.replaceChildren(loading)
  document.title = 'Loading… — Parallax'
  root.setAttribute('data-started', '')
  return () => {
    main.replaceChildren(...original)
    document.title = title
  }
}

const restoreShellPage = holdShellPage()
const painted = prerendered ? afterFirstPaint() : Promise.resolve()

painted
  .then(() => {
    preloadData(root?.dataset.preload)
    return startApp()
  })
  .catch((error: unknown) => {
    // A deploy between this page and its chunks: reload once to get the new build. Otherwise the
    // prerendered page stays readable without the app, and says so.
    if (isChunkLoadError(error) && reloadForNewDeploy(window.location.href)) return
    console.error('Parallax could not start:', error)
    restoreShellPage()
    showStartFailure()
  })

/**
 * Tells the reader the page is only text now, with a way to try again. Fixed to the bottom of the
 * window, so nothing on the page moves; built with DOM calls (no markup strings, no inline handlers).
 */
function showStartFailure(): void {
  const box = document.createElement('div')
  box.className = 'notice start-failure'
  box.setAttribute('role', 'alert')
  const text = document.createElement('p')
  text.textContent = prerendered
    ? 'Parallax could not load its scripts, so this page is plain text: the buttons, search and comparisons do not respond.'
    : 'Parallax could not load its scripts. Check your connection and reload the page.'
  const retry = document.createElement('button')
  retry.type = 'button'
  retry.className = 'button'
  retry.textContent = 'Reload'
  retry.addEventListener('click', () => window.location.reload())
  box.append(text, retry)
  document.body.append(box)
}
