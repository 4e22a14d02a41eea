/**
 * The kicker: the short label a page sets just above its headline ("Local News", "Analysis"). Found in
 * the page as the element right before the headline's <h1>, when it is a few words and not a sentence or
 * a run of links (a breadcrumb trail is navigation, not a label).
 */
import { repeats } from './duplicate'
import { squash } from './metadata'

const MAX_WORDS = 5

function labelText(el: Element | null): string | null {
  if (!el) return null
  const text = squash(el.textContent ?? '')
  if (text === '' || text.split(' ').length > MAX_WORDS || /[.!?:;,]$/.test(text)) return null
  if (el.querySelectorAll('a').length > 1) return null
  return text
}

/** The label right above the <h1> that carries the headline, or null. Call before Readability runs. */
export function kickerAbove(doc: Document, headline: string | null): string | null {
  if (headline === null) return null
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    const text = squash(h1.textContent ?? '')
    if (text === '' || !repeats(headline, text, 0.9)) continue
    return labelText(h1.previousElementSibling)
  }
  return null
}
