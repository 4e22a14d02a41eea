/**
 * The browser's own floor for a page's first screen: what styling and laying out exactly that screen costs
 * with no JavaScript framework, no data to parse and no view model — only the elements, the site's CSS and
 * one forced layout. A page cannot be ready sooner after its data than this, whatever its code does.
 *
 * How: the app renders the page once (unthrottled); at the moment the page reports itself ready, the init
 * script copies the markup of #root (and the attributes of <html> and #root). Then, for each measured visit,
 * the same address is loaded with every script blocked (the same HTML shell and stylesheet, served by the
 * same server), the app's frame — #root with an empty <main> — is put in and laid out untimed, as the app's
 * frame is laid out before its data arrives, and the CPU is slowed. The timed part inserts <main>'s content
 * (elements already created in an inert <template>, so HTML parsing is not counted) and reads a layout
 * value, which makes the browser compute style and lay the document out at once. Elements the page adds
 * as it becomes ready (`drawnAtReady`: the comparison's connectors, drawn from that very layout) are left
 * out: the browser styles and lays them out after the page's figure is taken, so they are not in it.
 */
import type { Browser, BrowserContextOptions, Page } from '@playwright/test'
import { throttleCpu } from './chromium'

export type CapturedScreen = {
  /** #root's markup with <main> emptied: the app's frame, on screen before the page's data arrives. */
  frame: string
  /** <main>'s markup when the page was ready. */
  main: string
  htmlAttributes: [string, string][]
  rootAttributes: [string, string][]
  elements: number
}

/**
 * Loads `url` in a fresh context prepared by `prepare` and returns the first screen as it stood when
 * `readySelector` first matched (checked on every DOM change, so before any later batch of content).
 */
export async function captureScreen(
  browser: Browser,
  url: string,
  { readySelector, drawnAtReady }: { readySelector: string; drawnAtReady?: string },
  contextOptions: BrowserContextOptions,
  prepare: (page: Page) => Promise<void>,
): Promise<CapturedScreen> {
  const context = await browser.newContext(contextOptions)
  try {
    const page = await context.newPage()
    // A string, not a function: tsx would wrap named inner functions in a helper the page does not have.
    await page.addInitScript({
      content: `
        new MutationObserver(function (_, observer) {
          if (window.__benchScreen !== undefined || !document.querySelector(${JSON.stringify(readySelector)})) return
          observer.disconnect()
          var root = document.getElementById('root')
          var main = root && root.querySelector('main')
          if (!root || !main) return
          var frame = root.cloneNode(true)
          frame.querySelector('main').replaceChildren()
          var shown = main.cloneNode(true)
          var late = ${JSON.stringify(drawnAtReady ?? '')}
          if (late) shown.querySelectorAll(late).forEach(function (el) { el.remove() })
          var attrs = function (el) { return Array.from(el.attributes, function (a) { return [a.name, a.value] }) }
          window.__benchScreen = {
            frame: frame.innerHTML,
            main: shown.innerHTML,
            htmlAttributes: attrs(document.documentElement),
            rootAttributes: attrs(root),
            elements: shown.querySelectorAll('*').length,
          }
        }).observe(document, { subtree: true, childList: true, attributes: true })
      `,
    })
    await prepare(page)
    await page.goto(url)
    await page.waitForFunction(() => window.__benchScreen !== undefined, null, { timeout: 60_000 })
    return await page.evaluate(() => window.__benchScreen!)
  } finally {
    await context.close()
  }
}

/** Milliseconds to style and lay out `screen`'s <main> content at `cpuSlowdown`, in a page with no scripts. */
export async function staticScreenCost(
  browser: Browser,
  url: string,
  screen: CapturedScreen,
  contextOptions: BrowserContextOptions,
  cpuSlowdown: number,
): Promise<number> {
  const context = await browser.newContext(contextOptions)
  try {
    const page = await context.newPage()
    await page.route(/\.m?js(?:\?|$)/, (route) => route.abort())
    await page.goto(url)
    await page.evaluate((s) => {
      const root = document.getElementById('root')
      if (!root) throw new Error('the page has no #root')
      for (const [name, value] of s.htmlAttributes) document.documentElement.setAttribute(name, value)
      for (const attr of [...root.attributes]) root.removeAttribute(attr.name)
      for (const [name, value] of s.rootAttributes) root.setAttribute(name, value)
      root.innerHTML = s.frame
      void root.offsetHeight
    }, screen)
    // Let the frame paint and settle, as the app's does while its data downloads.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100))))
    await throttleCpu(page, cpuSlowdown)
    return await page.evaluate((markup) => {
      const main = document.querySelector('#root main')
      if (!main) throw new Error('the frame has no <main>')
      const template = document.createElement('template')
      template.innerHTML = markup
      const content = document.importNode(template.content, true)
      const start = performance.now()
      main.replaceChildren(content)
      void main.getBoundingClientRect().height
      const elapsed = performance.now() - start
      const text = main.querySelector('p')
      if (!text || text.getBoundingClientRect().height === 0)
        throw new Error('the static screen laid out no text')
      return elapsed
    }, screen.main)
  } finally {
    await context.close()
  }
}

declare global {
  interface Window {
    __benchScreen?: CapturedScreen
  }
}
