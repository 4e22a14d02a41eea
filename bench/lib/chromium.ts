/**
 * One place for how the bench starts Chromium: Debian's build (or PARALLAX_CHROMIUM), with the flags that keep
 * a shared machine's measurements free of background traffic and GPU differences.
 */
import { chromium, type Browser, type Page } from '@playwright/test'

export const chromiumPath = process.env.PARALLAX_CHROMIUM ?? '/usr/bin/chromium'

/** Flags for every Chromium the bench starts (Playwright and Lighthouse alike). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
]

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
}

/**
 * Slows the page's main thread by `rate` (4 = a mid-range phone on a fast laptop, as Lighthouse does). Applies to
 * the page target only, not to its workers — work moved off the main thread is exactly what should not count.
 */
export async function throttleCpu(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate })
}
