/**
 * Main-thread blocking as the page itself sees it: a PerformanceObserver for 'longtask' entries (tasks over
 * 50 ms), installed before any of the app's scripts run. Blocking time is the sum over long tasks of
 * (duration − 50 ms) — Lighthouse's Total Blocking Time definition — over a window the bench opens and closes
 * around one user action.
 */
import type { Page } from '@playwright/test'

declare global {
  interface Window {
    __benchLongTasks?: { start: number; duration: number }[]
    __benchMarks?: Record<string, number>
  }
}

export async function observeLongTasks(page: Page): Promise<void> {
  // A string, not a function: tsx wraps named inner functions in a helper the page does not have.
  await page.addInitScript({
    content: `
      window.__benchLongTasks = []
      new PerformanceObserver(function (list) {
        for (const e of list.getEntries()) window.__benchLongTasks.push({ start: e.startTime, duration: e.duration })
      }).observe({ type: 'longtask', buffered: true })
    `,
  })
}

export type Blocking = { blockingMs: number; longestMs: number; count: number }

/** Opens a window: returns the page's clock now, to pass to `blockingSince`. */
export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now())
}

export async function blockingSince(page: Page, since: number): Promise<Blocking> {
  const tasks = await page.evaluate(
    (t0) => (window.__benchLongTasks ?? []).filter((t) => t.start >= t0),
    since,
  )
  return {
    blockingMs: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longestMs: tasks.reduce((max, t) => Math.max(max, t.duration), 0),
    count: tasks.length,
  }
}

/**
 * Waits until no long task has started for `quietMs` (max 15 s), so lazy work an action triggers (an index
 * build, a deferred render) lands inside its window instead of the next one.
 */
export async function settle(page: Page, quietMs = 1000): Promise<void> {
  const deadline = Date.now() + 15_000
  for (;;) {
    const quietFor = await page.evaluate(async (wait) => {
      await new Promise((r) => setTimeout(r, wait))
      const tasks = window.__benchLongTasks ?? []
      const last = tasks.reduce((m, t) => Math.max(m, t.start + t.duration), 0)
      return performance.now() - last
    }, quietMs)
    if (quietFor >= quietMs || Date.now() > deadline) return
  }
}
