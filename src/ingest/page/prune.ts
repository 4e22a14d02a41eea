/**
 * Furniture left inside the content Readability chose, removed the way trafilatura does after its main
 * pass: elements named for furniture (photo captions and credits, share bars, related-story boxes, author
 * boxes), media and their captions, hidden elements, and link-dense blocks and lists (a list whose items
 * are links to other pages is navigation, not text). No element holding most of the content's text is
 * ever removed, whatever its name: a wrapper called "article-related" can still be the article.
 */
import { FURNITURE_NAME_WORDS, MEDIA_TAGS } from './boilerplate'

const FURNITURE = new Set(FURNITURE_NAME_WORDS)
const MEDIA = new Set(MEDIA_TAGS)
const LISTS = new Set(['UL', 'OL', 'DL'])
const TEXT_BLOCKS = new Set(['P', 'LI', 'DIV', 'H2', 'H3', 'H4', 'H5', 'H6', 'SPAN', 'DD', 'DT', 'TD'])

/** Most of the content this element may hold and still be removed for its name or its links. */
const MAX_SHARE = 0.35

const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length

function linkTextLength(el: Element): number {
  let n = 0
  for (const a of Array.from(el.querySelectorAll('a'))) n += textLength(a)
  return n
}

/** Whether the element's class or id names it as furniture (whole words of a class, split at - and _). */
export function namedAsFurniture(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
  if (names.trim() === '') return false
  for (const raw of names.split(/\s+/)) {
    const name = raw.toLowerCase()
    if (name === '') continue
    if (FURNITURE.has(name)) return true
    // Words of a name: split at - and _, and at camelCase humps ("InlineImage-imageEmbedCredit").
    for (const part of raw
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1-$2')
      .toLowerCase()
      .split(/[-_]+/)) {
      if (FURNITURE.has(part)) return true
    }
    // Two-word names ("author-bio") match inside a longer name ("post-author-bio").
    for (const word of FURNITURE) if (word.includes('-') && name.includes(word)) return true
  }
  return false
}

const isHidden = (el: Element) =>
  el.hasAttribute('hidden') ||
  el.getAttribute('aria-hidden') === 'true' ||
  /display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? '')

/** Link text over all text: 1 for a block that is only links. */
function linkDensity(el: Element): number {
  const total = textLength(el)
  return total === 0 ? 0 : linkTextLength(el) / total
}

/** Removes furniture from the content in place. */
export function pruneContent(root: Element): void {
  const total = Math.max(1, textLength(root))
  const small = (el: Element) => textLength(el) / total <= MAX_SHARE
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (!el.parentNode || !root.contains(el)) continue // inside something already removed
    const tag = el.tagName.toUpperCase()
    if (MEDIA.has(tag) || isHidden(el)) {
      if (small(el)) el.remove()
      continue
    }
    if (namedAsFurniture(el) && small(el)) {
      el.remove()
      continue
    }
    if (LISTS.has(tag) && small(el) && linkDensity(el) >= 0.7) {
      el.remove()
      continue
    }
    // A short block that is nearly all link: "Related: …", "Read more", a tag, a share link.
    if (TEXT_BLOCKS.has(tag) && el.children.length <= 3 && textLength(el) < 160 && linkDensity(el) >= 0.8) {
      el.remove()
    }
  }
}
