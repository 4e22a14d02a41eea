/**
 * The standfirst: the sentence a page sets right under its headline to sum the story up. Found as the
 * element right after the headline's <h1> when it is a subheading (h2, h3) or named as a standfirst, and
 * reads as a sentence-length line rather than a paragraph of the story.
 */
import { STANDFIRST_NAME_WORDS } from './boilerplate'
import { repeats } from './duplicate'
import { squash } from './metadata'

const NAMES = new Set(STANDFIRST_NAME_WORDS)
const MIN_WORDS = 5
const MAX_WORDS = 60

function namedAsStandfirst(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  for (const raw of names.split(/\s+/)) {
    const parts = raw
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)
    if (NAMES.has(raw.toLowerCase()) || parts.some((p) => NAMES.has(p))) return true
  }
  return false
}

/** The standfirst right under the <h1> that carries the headline, or null. Call before Readability runs. */
export function standfirstBelow(doc: Document, headline: string | null): string | null {
  if (headline === null) return null
  for (const h1 of Array.from(doc.querySelectorAll('h1'))) {
    const text = squash(h1.textContent ?? '')
    if (text === '' || !repeats(headline, text, 0.9)) continue
    const next = h1.nextElementSibling
    if (!next) return null
    const tag = next.tagName.toUpperCase()
    if (tag !== 'H2' && tag !== 'H3' && !namedAsStandfirst(next)) return null
    const line = squash(next.textContent ?? '')
    const words = line.split(' ').length
    return words >= MIN_WORDS && words <= MAX_WORDS ? line : null
  }
  return null
}
