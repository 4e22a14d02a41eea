import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * The theme colours are checked against WCAG AA where they meet: text on backgrounds, quote text on each
 * speaker's highlight, and each speaker label's text on its own highlight, in the light and dark themes.
 */
const css = readFileSync(path.join(import.meta.dirname, 'styles.css'), 'utf8')

function block(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  if (start < 0) throw new Error(`no ${selector} block`)
  const body = css.slice(start, css.indexOf('}', start))
  const vars: Record<string, string> = {}
  for (const m of body.matchAll(/(--[a-z0-9-]+):\s*(#[0-9a-f]{3,6})\s*;/gi)) vars[m[1]!] = m[2]!
  return vars
}

function luminance(hex: string): number {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

/** CIELAB (D65) of an sRGB colour. */
function lab(hex: string): [number, number, number] {
  const h = hex.length === 4 ? [...hex.slice(1)].map((c) => c + c).join('') : hex.slice(1)
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(h.slice(i, i + 2), 16) / 255
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  const f = (v: number) => (v > 216 / 24389 ? Math.cbrt(v) : (24389 / 27 / 116) * v + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** How different two colours look (CIE76 ΔE: about 2.3 is just noticeable, 10 is plainly another colour). */
function deltaE(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)]
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2])
}

const themes = { light: block(':root'), dark: block(":root[data-theme='dark']") }

describe.each(Object.entries(themes))('the %s theme', (_name, t) => {
  it('has readable text, secondary text and links on every background', () => {
    for (const bg of ['--bg', '--surface', '--surface-2']) {
      expect(contrast(t['--fg']!, t[bg]!)).toBeGreaterThanOrEqual(7)
      expect(contrast(t['--muted']!, t[bg]!)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(t['--accent']!, t[bg]!)).toBeGreaterThanOrEqual(4.5)
    }
    expect(contrast(t['--accent-fg']!, t['--accent']!)).toBeGreaterThanOrEqual(4.5)
    expect(contrast(t['--fg']!, t['--target-bg']!)).toBeGreaterThanOrEqual(7)
  })

  it('keeps quote text readable on every speaker colour, and each label readable on its highlight', () => {
    for (let n = 0; n <= 8; n++) {
      const bg = t[`--speaker-${n}-bg`]!
      const line = t[`--speaker-${n}-line`]!
      expect(contrast(t['--fg']!, bg)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(line, bg)).toBeGreaterThanOrEqual(4.5)
      // The underline is a visible mark on the page background (non-text contrast).
      expect(contrast(line, t['--bg']!)).toBeGreaterThanOrEqual(3)
    }
  })

  it('marks a linked paragraph or passage in a colour no speaker’s quotes can take', () => {
    // At least as far apart as the two closest speaker colours are from each other (ΔE 9.5 in light).
    for (let n = 0; n <= 8; n++)
      expect(deltaE(t['--target-bg']!, t[`--speaker-${n}-bg`]!), `speaker ${n}`).toBeGreaterThanOrEqual(10)
    expect(contrast(t['--target-line']!, t['--bg']!)).toBeGreaterThanOrEqual(3)
    expect(contrast(t['--target-line']!, t['--target-bg']!)).toBeGreaterThanOrEqual(3)
    expect(contrast(t['--muted']!, t['--target-bg']!)).toBeGreaterThanOrEqual(4.5)
  })

  it('draws focus rings that stand out on every background', () => {
    for (const bg of ['--bg', '--surface', '--surface-2'])
      expect(contrast(t['--focus']!, t[bg]!)).toBeGreaterThanOrEqual(3)
  })
})

it('uses the same dark colours before the theme script runs as after', () => {
  const early = css.slice(css.indexOf(':root:not([data-theme]) {'))
  for (const [name, value] of Object.entries(themes.dark)) expect(early).toContain(`${name}: ${value};`)
})

/** Top-level rules of a stylesheet (comments dropped), with the at-rule each sits in, if any. */
function rules(source: string): { media: string | null; selector: string; body: string }[] {
  const text = source.replace(/\/\*[\s\S]*?\*\//g, '')
  const out: { media: string | null; selector: string; body: string }[] = []
  const walk = (chunk: string, media: string | null) => {
    let i = 0
    while (i < chunk.length) {
      const open = chunk.indexOf('{', i)
      if (open < 0) break
      const head = chunk.slice(i, open).trim()
      let depth = 1
      let j = open + 1
      while (j < chunk.length && depth > 0) {
        if (chunk[j] === '{') depth += 1
        else if (chunk[j] === '}') depth -= 1
        j += 1
      }
      const inner = chunk.slice(open + 1, j - 1)
      if (head.startsWith('@media')) walk(inner, head)
      else out.push({ media, selector: head.replace(/\s+/g, ' '), body: inner.replace(/\s+/g, ' ').trim() })
      i = j
    }
  }
  walk(text, null)
  return out
}

const stylesheets = [
  'styles.css',
  '../features/compare/compare.css',
  '../features/reader/reader-selection.css',
]

describe.each(stylesheets)('%s', (file) => {
  const all = rules(readFileSync(path.join(import.meta.dirname, file), 'utf8'))
  const chosenDark = all.filter((r) => r.media === null && r.selector.startsWith(":root[data-theme='dark']"))

  it('gives a reader whose system is dark, and who has chosen no theme, every colour the dark theme sets', () => {
    for (const rule of chosenDark) {
      const twinSelector = rule.selector.replaceAll(":root[data-theme='dark']", ':root:not([data-theme])')
      const twin = all.find(
        (r) => r.media?.includes('prefers-color-scheme: dark') === true && r.selector === twinSelector,
      )
      expect(twin, `no system-dark twin of ${rule.selector}`).toBeDefined()
      expect(twin!.body).toBe(rule.body)
    }
  })
})
