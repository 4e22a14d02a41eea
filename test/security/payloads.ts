/** The XSS payloads in test/fixtures/xss/payloads.txt: one a line; "# " comment lines and blank lines skipped. */
import { readFileSync } from 'node:fs'
import path from 'node:path'

const file = path.resolve(import.meta.dirname, '../fixtures/xss/payloads.txt')

export function loadPayloads(): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '' && !line.startsWith('# '))
}

// Invisible format characters (zero-width, bidi controls, BOM) a cleaner may rightly drop, and whitespace runs
// a cleaner may rightly collapse: neither changes whether a payload is shown as text.
const invisible = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

/**
 * A payload or a rendered text in the form the tests compare them in. Character references are decoded
 * because scraped text carries them (`&amp;`) and a cleaner may rightly decode them: `&lt;script&gt;` shown
 * as the text `<script>` is still text. What must never happen is markup, which the DOM checks catch.
 */
export function comparable(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?|&#(\d+);?|&([a-z]+);/gi, (m, hex: string, dec: string, name: string) => {
      if (hex || dec) {
        const code = hex ? parseInt(hex, 16) : Number(dec)
        return code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m
      }
      return named[name.toLowerCase()] ?? m
    })
    .replace(invisible, '')
    .replace(/\s+/g, ' ')
    .trim()
}
