/**
 * Development measure of the raw-text path on the article-extraction benchmark's scraped texts: body F1
 * (the benchmark's metric), headline = page title (less a trailing site name), refusals. Tune on 'tune';
 * 'check' is for reporting only.
 *
 *   npx tsx bench/lib/text-extraction-dev.ts [tune|check|all] [--pages] [--page <id>]
 */
import { buildArticle, IngestError } from '../../src/core/pipeline'
import { cleanArticle } from '../../src/core/clean'
import { loadExtractionPages, scorePage, totals, type PageScore } from './extraction-metric'

const args = process.argv.slice(2)
const split = (['tune', 'check', 'all'].find((s) => args.includes(s)) ?? 'tune') as 'tune' | 'check' | 'all'
const showPages = args.includes('--pages')
const onePage = args.includes('--page') ? args[args.indexOf('--page') + 1] : undefined

const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

/** The title and its forms without a trailing (or leading) site name after a separator. */
export function titleForms(title: string): Set<string> {
  const forms = new Set([key(title)])
  const parts = title.split(/\s+[|–—:·•»-]\s+|\s+[|]\s*|\s*\|\s+/u)
  for (let n = 1; n < parts.length; n += 1) {
    forms.add(key(parts.slice(0, n).join(' ')))
    forms.add(key(parts.slice(n).join(' ')))
  }
  forms.delete('')
  return forms
}

const pages = loadExtractionPages(split).filter((p) => onePage === undefined || p.id.startsWith(onePage))
const scores: PageScore[] = []
let headlineOk = 0
let withTitle = 0
let refused = 0
const started = performance.now()
for (const page of pages) {
  const text = page.text()
  if (text === null) continue
  let body = ''
  let headline: string | null = null
  let refusal = ''
  try {
    const article = buildArticle(text, {
      id: 'x',
      storyId: 'x',
      outlet: 'x',
      sourceUrl: 'https://example.org/',
      published: null,
    } as never)
    body = article.paragraphs.map((p) => p.text).join('\n')
    headline = article.headline
  } catch (e) {
    refused += 1
    refusal = e instanceof IngestError ? `${e.code}` : String(e)
    headline = cleanArticle(text).headline
  }
  const s = scorePage(page.expected, body)
  scores.push(s)
  const ok = page.title !== null && headline !== null && titleForms(page.title).has(key(headline))
  if (page.title !== null) withTitle += 1
  if (ok) headlineOk += 1
  if (showPages || onePage) {
    const p = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp)
    const r = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn)
    console.log(
      `${page.id.slice(0, 10)} P ${p.toFixed(2)} R ${r.toFixed(2)} ${ok ? 'H+' : 'H-'} ${refusal} | ${headline?.slice(0, 60)} || ${page.title?.slice(0, 60)}`,
    )
  }
  if (onePage) {
    const c = cleanArticle(text)
    console.log(
      JSON.stringify(
        { ...c, removed: c.removed.map((r) => `${r.reason}: ${r.text.slice(0, 100)}`) },
        null,
        1,
      ),
    )
  }
}
const t = totals(scores)
console.log(
  `${split}: ${scores.length} pages  F1 ${t.f1.toFixed(3)} (P ${t.precision.toFixed(3)}, R ${t.recall.toFixed(3)})  ` +
    `headline=title ${headlineOk}/${withTitle} (${((100 * headlineOk) / Math.max(1, withTitle)).toFixed(0)}%)  refused ${refused}  ` +
    `${((performance.now() - started) / Math.max(1, scores.length)).toFixed(1)} ms/page`,
)
