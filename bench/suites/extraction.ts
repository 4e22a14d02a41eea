/**
 * Article extraction on real pages: the 91 pages of the article-extraction benchmark's development half
 * (../shared/benchmarks/article-extraction, see its README), scored with the benchmark's own metric
 * (bench/lib/extraction-metric.ts), three ways in the same run:
 *
 * - HTML path: the saved page -> htmlToArticleText -> buildArticle, as `npm run ingest page.html` stores it.
 *   The body scored is the article's paragraphs only, what a reader sees under the headline: the ground
 *   truth is the body alone, and Parallax keeps headline and deck apart from it (the deck is shown, but as
 *   a standfirst, so it is not counted).
 * - plain Readability: Mozilla's Readability on jsdom, its textContent as is (readability_js in the
 *   benchmark's table), the floor the HTML path must clear.
 * - text path: the same page as scraped text (text/<id>.txt) -> buildArticle.
 *
 * Figures are given for the 'tune' half (the pages rules may be tuned on), the 'check' half (never tuned
 * on) and all. Per-page F1 goes to bench/out/extraction-pages.tsv so a regression shows which page moved.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { buildArticle, IngestError } from '../../src/core/pipeline'
import { articleFromSource } from '../../src/ingest/corpus'
import { htmlToArticleText, type HtmlArticle } from '../../src/ingest/html'
import { headlineMatchesTitle } from '../lib/extraction-headline'
import {
  EXTRACTION_DIR,
  loadExtractionPages,
  scorePage,
  totals,
  type BenchPage,
  type PageScore,
} from '../lib/extraction-metric'
import { median } from '../lib/stats'
import type { BenchResult } from '../types'

const outDir = path.resolve(import.meta.dirname, '../out')
const meta = { outlet: null, sourceUrl: null, storyId: null }
const WARM_UP = 5

type Outcome =
  | { kind: 'ok'; body: string; headline: string | null }
  | { kind: 'refused'; reason: string }
  | { kind: 'crashed'; reason: string }

type PageRun = {
  page: BenchPage
  split: 'tune' | 'check'
  html: Outcome
  /** The HTML path's paragraphs before the text cleaner ('' when refused): where a loss happens. */
  extracted: string
  /** What the page states about itself, as htmlToArticleText found it (null when refused). */
  found: Pick<HtmlArticle, 'headline' | 'published' | 'authors' | 'siteName'> | null
  /** CPU time of the HTML path on this page (what it costs, whatever else the machine runs). */
  htmlMs: number
  wallMs: number
  /** null when jsdom or Readability threw on the page (scored as an empty extraction). */
  readability: string | null
  text: Outcome | null
}

function outcome(make: () => { body: string; headline: string | null }): Outcome {
  try {
    return { kind: 'ok', ...make() }
  } catch (error) {
    if (error instanceof IngestError) return { kind: 'refused', reason: `${error.code}: ${error.message}` }
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    return { kind: 'crashed', reason: reason.slice(0, 200) }
  }
}

function stored(raw: string | HtmlArticle): { body: string; headline: string | null } {
  // A saved page is stored as `npm run ingest` stores it (articleFromSource); scraped text goes through the cleaner.
  const article =
    typeof raw === 'string'
      ? buildArticle(raw, meta)
      : articleFromSource({ text: raw.text, siteName: raw.siteName, page: raw }, meta)
  return { body: article.paragraphs.map((p) => p.text).join('\n\n'), headline: article.headline }
}

type Jsdom = new (
  html: string,
  options: { url: string; virtualConsole: unknown },
) => { window: Window & typeof globalThis }
const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: Jsdom
  VirtualConsole: new () => unknown
}

/** Plain Readability, as the benchmark ran it: jsdom, parse, textContent. A page it throws on scores empty. */
function plainReadability(page: BenchPage, html: string): string | null {
  try {
    const dom = new JSDOM(html, { url: page.url, virtualConsole: new VirtualConsole() })
    try {
      return new Readability(dom.window.document).parse()?.textContent ?? ''
    } finally {
      dom.window.close()
    }
  } catch {
    return null
  }
}

const bodyOf = (o: Outcome | null) => (o?.kind === 'ok' ? o.body : '')

function score(runs: readonly PageRun[], pick: (r: PageRun) => string) {
  return totals(runs.map((r) => scorePage(r.page.expected, pick(r))))
}

const f1Of = (s: PageScore) => (s.tp === 0 ? 0 : (2 * s.tp) / (2 * s.tp + s.fp + s.fn))
const pct = (n: number, of: number) => (of === 0 ? 0 : (100 * n) / of)
// The table rounds to two decimals; the third is where changes on these pages show.
const prf = (t: { precision: number; recall: number; f1: number }) =>
  `F1 ${t.f1.toFixed(3)} (P ${t.precision.toFixed(3)}, R ${t.recall.toFixed(3)})`

export async function run(): Promise<BenchResult[]> {
  const tuneIds = new Set(loadExtractionPages('tune').map((p) => p.id))
  const pages = loadExtractionPages('all')
  if (pages.length === 0) {
    // Not an error in the code: the data is kept outside the repository. Say where it was looked for.
    const where = path.relative(process.cwd(), EXTRACTION_DIR)
    process.stderr.write(`bench: extraction: no benchmark pages at ${where}; nothing measured\n`)
    return [
      {
        name: 'extraction: benchmark pages found',
        value: 0,
        unit: 'pages',
        budget: { min: 1 },
        note: `lay the article-extraction benchmark at ${where} to measure extraction`,
      },
    ]
  }

  // Warm-up, untimed: the first pages would otherwise also pay for compiling the parser and Readability.
  for (const page of pages.slice(0, WARM_UP)) {
    try {
      stored(htmlToArticleText(page.html(), page.url))
    } catch {
      // Counted in the measured pass.
    }
  }
  const runs: PageRun[] = []
  for (const page of pages) {
    const html = page.html()
    const start = performance.now()
    const cpuStart = process.cpuUsage()
    let extracted = ''
    let found: PageRun['found'] = null
    const htmlOutcome = outcome(() => {
      const article = htmlToArticleText(html, page.url)
      extracted = article.paragraphs.join('\n\n')
      found = article
      return stored(article)
    })
    const cpu = process.cpuUsage(cpuStart)
    const htmlMs = (cpu.user + cpu.system) / 1000
    const wallMs = performance.now() - start
    runs.push({
      page,
      split: tuneIds.has(page.id) ? 'tune' : 'check',
      html: htmlOutcome,
      extracted,
      found,
      htmlMs,
      wallMs,
      readability: null,
      text: null,
    })
  }

  // Plain Readability and the text path in a pass of their own: the garbage they leave would otherwise be
  // collected inside the HTML path's timed section and charged to it.
  for (const r of runs) {
    r.readability = plainReadability(r.page, r.page.html())
    const raw = r.page.text()
    r.text = raw === null ? null : outcome(() => stored(raw))
  }

  mkdirSync(outDir, { recursive: true })
  const rows = [
    'id\tsplit\thtml_f1\textracted_f1\treadability_f1\ttext_f1\thtml_ms\thtml_headline_ok\ttext_headline_ok\tnote',
  ]
  for (const r of runs) {
    const f = (body: string) => f1Of(scorePage(r.page.expected, body)).toFixed(3)
    const title = r.page.title
    const ok = (o: Outcome | null) =>
      title === null || o?.kind !== 'ok' ? '' : headlineMatchesTitle(o.headline, title) ? 'yes' : 'no'
    const notes = [r.html, r.text]
      .map((o, i) => (o && o.kind !== 'ok' ? `${i === 0 ? 'html' : 'text'} ${o.kind}: ${o.reason}` : ''))
      .filter((n) => n !== '')
      .join('; ')
    rows.push(
      [
        r.page.id.slice(0, 12),
        r.split,
        f(bodyOf(r.html)),
        f(r.extracted),
        f(r.readability ?? ''),
        f(bodyOf(r.text)),
        r.htmlMs.toFixed(1),
        ok(r.html),
        ok(r.text),
        notes,
      ].join('\t'),
    )
  }
  const tsv = path.join(outDir, 'extraction-pages.tsv')
  writeFileSync(tsv, `${rows.join('\n')}\n`)
  process.stderr.write(`bench: extraction: per-page F1 in ${path.relative(process.cwd(), tsv)}\n`)

  const results: BenchResult[] = []
  const halves = [
    ['tune', runs.filter((r) => r.split === 'tune')],
    ['check', runs.filter((r) => r.split === 'check')],
    ['all', runs],
  ] as const
  for (const [half, set] of halves) {
    const isAll = half === 'all'
    const html = score(set, (r) => bodyOf(r.html))
    const plain = score(set, (r) => r.readability ?? '')
    const extracted = score(set, (r) => r.extracted)
    const text = score(set, (r) => bodyOf(r.text))
    const b = (min: number) => (isAll ? { budget: { min } } : {})
    const thrown = set.filter((r) => r.readability === null).length
    results.push(
      {
        name: `extraction ${half}: HTML body F1`,
        value: html.f1,
        unit: '',
        ...b(0.965),
        note: `${prf(html)}; ${set.length} pages, paragraphs stored`,
      },
      { name: `extraction ${half}: HTML body precision`, value: html.precision, unit: '', ...b(0.95) },
      { name: `extraction ${half}: HTML body recall`, value: html.recall, unit: '', ...b(0.95) },
      {
        name: `extraction ${half}: HTML extracted F1`,
        value: extracted.f1,
        unit: '',
        note: `${prf(extracted)}; the paragraphs before the text cleaner`,
      },
      {
        name: `extraction ${half}: plain Readability F1`,
        value: plain.f1,
        unit: '',
        note: `${prf(plain)}; jsdom, textContent${thrown > 0 ? `; threw on ${thrown} page(s), scored empty` : ''}`,
      },
      {
        name: `extraction ${half}: text body F1`,
        value: text.f1,
        unit: '',
        ...b(0.93),
        note: `${prf(text)}; scraped text, paragraphs stored`,
      },
      { name: `extraction ${half}: text body precision`, value: text.precision, unit: '', ...b(0.9) },
      { name: `extraction ${half}: text body recall`, value: text.recall, unit: '' },
    )
  }

  const titled = runs.filter((r) => r.page.title !== null)
  const headlines = (pick: (r: PageRun) => Outcome | null) =>
    titled.filter((r) => {
      const o = pick(r)
      return o?.kind === 'ok' && headlineMatchesTitle(o.headline, r.page.title!)
    }).length
  const failures = (pick: (r: PageRun) => Outcome | null, kind: 'refused' | 'crashed') => {
    const hit = runs.filter((r) => pick(r)?.kind === kind)
    const reasons = new Map<string, number>()
    for (const r of hit) {
      const o = pick(r) as { reason: string }
      const key = o.reason.slice(0, 60)
      reasons.set(key, (reasons.get(key) ?? 0) + 1)
    }
    const text = [...reasons].map(([k, n]) => `${n}× ${k}`).join('; ')
    return { n: hit.length, text }
  }
  const htmlCrashes = failures((r) => r.html, 'crashed')
  const htmlRefusals = failures((r) => r.html, 'refused')
  const textCrashes = failures((r) => r.text, 'crashed')
  const textRefusals = failures((r) => r.text, 'refused')
  const ms = runs.map((r) => r.htmlMs)
  const wall = runs.map((r) => r.wallMs)
  results.push(
    {
      name: 'extraction: HTML headline is the page title',
      value: pct(
        headlines((r) => r.html),
        titled.length,
      ),
      unit: '%',
      budget: { min: 97 },
      note: `${headlines((r) => r.html)} of ${titled.length}; title less a site name, folded`,
    },
    {
      name: 'extraction: HTML page headline (metadata) is the title',
      value: pct(
        titled.filter((r) => r.found && headlineMatchesTitle(r.found.headline, r.page.title!)).length,
        titled.length,
      ),
      unit: '%',
      note: 'HtmlArticle.headline, before the text cleaner chooses its own',
    },
    {
      name: 'extraction: HTML metadata stated',
      value: runs.filter((r) => r.found?.published).length,
      unit: 'pages',
      note: `date on ${runs.filter((r) => r.found?.published).length}, authors on ${
        runs.filter((r) => (r.found?.authors.length ?? 0) > 0).length
      }, site name on ${runs.filter((r) => r.found?.siteName).length} of ${runs.length} pages`,
    },
    {
      name: 'extraction: text headline is the page title',
      value: pct(
        headlines((r) => r.text),
        titled.length,
      ),
      unit: '%',
      budget: { min: 90 },
      note: `${headlines((r) => r.text)} of ${titled.length}`,
    },
    {
      name: 'extraction: HTML crashes',
      value: htmlCrashes.n,
      unit: 'pages',
      budget: { max: 0 },
      note: htmlCrashes.text,
    },
    { name: 'extraction: HTML refusals', value: htmlRefusals.n, unit: 'pages', note: htmlRefusals.text },
    {
      name: 'extraction: text crashes',
      value: textCrashes.n,
      unit: 'pages',
      budget: { max: 0 },
      note: textCrashes.text,
    },
    { name: 'extraction: text refusals', value: textRefusals.n, unit: 'pages', note: textRefusals.text },
    {
      name: 'extraction: HTML path median per page',
      value: median(ms),
      unit: 'ms',
      budget: { max: 50 },
      note: `CPU time, htmlToArticleText + buildArticle; slowest ${Math.max(...ms).toFixed(0)} ms; wall median ${median(wall).toFixed(0)} ms`,
    },
  )
  return results
}
