/**
 * The app renders data only as React text and attributes. These are the ways around that, which no source
 * file in the browser app may use: raw HTML sinks, string evaluation, and links or navigations built from
 * data without the allowlist (`safeHref` in src/lib/safe-url.ts).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const srcDir = path.resolve(import.meta.dirname, '../../src')
// The ingest CLI and prerenderer run in Node at build time and write files, not DOM; tests are not shipped.
const browserSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return full.endsWith(`${path.sep}ingest`) ? [] : browserSources(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|test-fixtures?\.ts$|-fixture\.ts$/.test(entry.name)
      ? [full]
      : []
  })

const files = browserSources(srcDir).map((file) => ({
  file: path.relative(srcDir, file),
  // Comments may name the sinks (to say why they are not used); code may not.
  code: readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1'),
}))

const sinks: [string, RegExp][] = [
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML / outerHTML assignment', /\.(?:inner|outer)HTML\s*[+]?=/],
  ['insertAdjacentHTML', /insertAdjacentHTML\s*\(/],
  ['document.write', /document\.write(?:ln)?\s*\(/],
  ['eval', /(?<![\w.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timers', /set(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['createContextualFragment', /createContextualFragment\s*\(/],
  ['DOMParser', /new\s+DOMParser\s*\(/],
  ['srcdoc', /srcDoc|srcdoc/],
  ['javascript: URL', /['"`]\s*javascript:/i],
]

/** Uses of a sink that were reviewed and found not to take data (see the test below). */
const reviewed = [
  { sink: 'dangerouslySetInnerHTML', file: path.join('ui', 'prerendered-island.tsx') },
  // A page the reader brings is parsed into a detached document, scripting off, never inserted (issue 20).
  { sink: 'DOMParser', file: path.join('features', 'add', 'read-input.ts') },
]

describe('browser code never turns data into markup or code', () => {
  it('finds the app sources to check', () => {
    expect(files.length).toBeGreaterThan(10)
    expect(files.some((f) => f.file.startsWith(`features${path.sep}reader`))).toBe(true)
  })

  it.each(sinks)('uses no %s', (name, pattern) => {
    const offenders = files
      .filter((f) => pattern.test(f.code))
      .map((f) => f.file)
      .filter((file) => !reviewed.some((r) => r.sink === name && r.file === file))
    expect(offenders).toEqual([])
  })

  it('keeps the reviewed exception to what it was reviewed for', () => {
    // PrerenderedIsland hands React the element's own markup, read from the document while hydrating (which
    // never writes it back): no data goes in. Anything more in that file must be reviewed again.
    const island = files.find((f) => f.file === path.join('ui', 'prerendered-island.tsx'))!
    expect(island.code.match(/dangerouslySetInnerHTML/g)).toHaveLength(1)
    expect(island.code).toMatch(/dangerouslySetInnerHTML=\{\{ __html: markup \}\}/)
    expect(island.code).toMatch(/document\.querySelector\(.*\)\?\.innerHTML/)
  })

  it('parses a brought page only into a detached document that nothing inserts', () => {
    // read-input.ts hands the document to the extraction, which reads text from it; the page's markup is never
    // put into the live document. Anything more in that file must be reviewed again.
    const reader = files.find((f) => f.file === path.join('features', 'add', 'read-input.ts'))!
    expect(reader.code.match(/new\s+DOMParser\s*\(/g)).toHaveLength(1)
    expect(reader.code).toMatch(/new DOMParser\(\)\.parseFromString\(quiet, 'text\/html'\)/)
    expect(reader.code).not.toMatch(
      /appendChild|append\(|replaceChildren|importNode|adoptNode|innerHTML|outerHTML/,
    )
  })

  it('builds every link target from data through safeHref, the router or the paths module', () => {
    // An href (or window.open/location assignment) whose value is computed must come from safeHref, getHref or
    // getAbsoluteUrl in the same file; literal fragments like href="#main" are fine.
    const offenders: string[] = []
    for (const { file, code } of files) {
      const computed = [
        ...code.matchAll(/\bhref=\{([^}]*)\}|window\.open\s*\(([^,)]*)|location\.href\s*=\s*([^;\n]*)/g),
      ]
        .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim())
        .filter((expr) => !/^['"`]#/.test(expr))
      if (computed.length === 0) continue
      const guarded = /\b(?:safeHref|getHref|getAbsoluteUrl)\s*\(/.test(code)
      if (!guarded) offenders.push(`${file}: ${computed.join(', ')}`)
    }
    expect(offenders).toEqual([])
  })
})
