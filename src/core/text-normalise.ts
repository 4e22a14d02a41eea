/**
 * Character-level clean-up of scraped text before any structure is read from it. Pure and linear-time.
 *
 * Keeps every real word: only spacing, invisible characters and HTML remnants change.
 */

// Named entities a scrape leaves behind most often; anything else stays as written (never guessed).
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '\u2013',
  mdash: '\u2014',
  hellip: '\u2026',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '\u00ab',
  raquo: '\u00bb',
  bull: '\u2022',
  middot: '\u00b7',
  copy: '\u00a9',
  reg: '\u00ae',
  trade: '\u2122',
  eacute: '\u00e9',
  egrave: '\u00e8',
  aacute: '\u00e1',
  agrave: '\u00e0',
  iacute: '\u00ed',
  oacute: '\u00f3',
  uacute: '\u00fa',
  ntilde: '\u00f1',
  ccedil: '\u00e7',
  uuml: '\u00fc',
  ouml: '\u00f6',
  auml: '\u00e4',
  szlig: '\u00df',
  euro: '\u20ac',
  pound: '\u00a3',
  yen: '\u00a5',
}

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g

/** Decodes numeric and common named character references; unknown names are left untouched. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(
    ENTITY,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? whole
      const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16)
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
        return whole
      return String.fromCodePoint(code)
    },
  )
}

// A tag: `<` + letter, `/` or `!`, then anything but angle brackets, bounded so a stray `<` costs little.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]{0,20})\b[^<>]{0,1000}>|<![a-zA-Z][^<>]{0,200}>/g
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'figure',
  'figcaption',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'tr',
  'pre',
  'hr',
])
const LINE_TAGS = new Set(['br', 'li', 'td', 'th', 'dt', 'dd', 'option'])
const KNOWN_TAG =
  /<\/?(?:p|div|span|br|a|li|ul|h[1-6]|strong|em|b|i|figure|figcaption|section|article)\b[^<>]{0,1000}>/gi

/** True when the text carries enough markup that it is an HTML-ish scrape rather than prose mentioning `<p>`. */
export function looksLikeMarkup(text: string): boolean {
  let count = 0
  KNOWN_TAG.lastIndex = 0
  while (KNOWN_TAG.exec(text) !== null) {
    count += 1
    if (count >= 3) return true
  }
  return false
}

// Tags that only ever wrap prose: an element that never holds article text (script, style, svg) does not
// contain them, so meeting one before the closing tag means the opening tag was left unclosed.
const PROSE_TAG = /<\/?(?:p|h[1-6]|li|blockquote|article|figcaption)\b/

/**
 * Removes the contents of elements that never hold article text, scanning linearly with indexOf. An opening
 * tag whose closing tag belongs to a later element (another opening tag of the same name comes first) or lies
 * past prose markup is treated as unclosed: only the tag itself goes, so no words are lost with it.
 */
function dropInvisibleElements(text: string): string {
  let out = text
  const pairs: [string, string, boolean][] = [
    ['<!--', '-->', false],
    ['<script', '</script', true],
    ['<style', '</style', true],
    ['<svg', '</svg', true],
    // noscript and template may legitimately hold paragraphs (a "please enable JavaScript" notice).
    ['<noscript', '</noscript', false],
    ['<template', '</template', false],
  ]
  for (const [openText, closeText, proseEnds] of pairs) {
    // ASCII-only lowering keeps indices aligned with `out` (full toLowerCase can change the length).
    const lower = out.replace(/[A-Z]+/g, (m) => m.toLowerCase())
    if (!lower.includes(openText)) continue
    let result = ''
    let from = 0
    let searchFrom = 0
    for (;;) {
      const open = lower.indexOf(openText, searchFrom)
      if (open === -1) break
      const close = lower.indexOf(closeText, open + openText.length)
      if (close === -1) break
      const nextOpen = lower.indexOf(openText, open + openText.length)
      // The prose test only runs when no later opening tag comes first, so the scan stays linear.
      const unclosed =
        openText !== '<!--' &&
        ((nextOpen !== -1 && nextOpen < close) ||
          (proseEnds && PROSE_TAG.test(lower.slice(open + openText.length, close))))
      if (unclosed) {
        // Leave the text in place; the tag itself is removed with the other tags by stripMarkup.
        searchFrom = open + openText.length
        continue
      }
      const end = lower.indexOf('>', close)
      result += `${out.slice(from, open)}\n`
      from = end === -1 ? out.length : end + 1
      searchFrom = from
    }
    out = result + out.slice(from)
  }
  return out
}

/** Turns HTML remnants into plain lines: block tags become paragraph breaks, other tags vanish. */
export function stripMarkup(text: string): string {
  return dropInvisibleElements(text).replace(TAG, (whole, name: string | undefined) => {
    if (name === undefined) return ''
    const tag = name.toLowerCase()
    if (BLOCK_TAGS.has(tag)) return '\n\n'
    if (LINE_TAGS.has(tag)) return '\n'
    return ''
  })
}

// Space-like characters a browser renders as a space: NBSP, the en/em/thin spaces, narrow NBSP, ideographic.
const ODD_SPACE = /[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g
// Invisible characters that only split words: zero-width space, word joiner, BOM, soft hyphen.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/g
// Control characters other than line breaks; NUL is rejected before cleaning, the rest carry nothing.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g

/**
 * Normalises line breaks (CRLF, CR, U+2028/9, form feed), odd spaces and invisible characters, composes
 * characters to NFC, collapses runs of spaces inside a line and trims every line. Blank lines are kept,
 * because they separate paragraphs.
 */
export function normaliseText(raw: string): string {
  let text = raw.replace(/\r\n?|[\u2028\u2029\f]/g, '\n')
  if (looksLikeMarkup(text)) text = stripMarkup(text)
  text = decodeEntities(text)
  text = text.replace(ODD_SPACE, ' ').replace(INVISIBLE, '').replace(CONTROL, '')
  text = text.normalize('NFC')
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
}
