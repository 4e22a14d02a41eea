/**
 * The article-extraction benchmark's own metric (../shared/benchmarks/article-extraction/README.md), so
 * figures compare with its published table: tokens are maximal runs of Unicode word characters, every 4
 * consecutive tokens a shingle, counted as a multiset; per page tp/fp/fn are divided by their sum; precision
 * and recall are means over the pages where they are defined; F1 = 2PR/(P+R) of those two means.
 */
import { gunzipSync } from 'node:zlib'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

const WORD = /[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]+/gu
const SHINGLE = 4

export type PageScore = { tp: number; fp: number; fn: number }

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? []
  const out = new Map<string, number>()
  for (let i = 0; i + SHINGLE <= tokens.length; i += 1) {
    const key = tokens.slice(i, i + SHINGLE).join(' ')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

/** tp, fp and fn of one page, each divided by their sum (all zero when both texts are empty). */
export function scorePage(expected: string, extracted: string): PageScore {
  const want = shingles(expected)
  const got = shingles(extracted)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [key, n] of got) {
    const m = want.get(key) ?? 0
    tp += Math.min(n, m)
    fp += Math.max(0, n - m)
  }
  for (const [key, m] of want) fn += Math.max(0, m - (got.get(key) ?? 0))
  const sum = tp + fp + fn
  return sum === 0 ? { tp: 0, fp: 0, fn: 0 } : { tp: tp / sum, fp: fp / sum, fn: fn / sum }
}

export type Totals = { precision: number; recall: number; f1: number; pages: number }

/** Mean precision and recall over the pages where each is defined, and F1 of the two means. */
export function totals(scores: readonly PageScore[]): Totals {
  let p = 0
  let pn = 0
  let r = 0
  let rn = 0
  for (const s of scores) {
    if (s.tp + s.fp > 0) {
      p += s.tp / (s.tp + s.fp)
      pn += 1
    } else if (s.fn === 0) {
      p += 1 // nothing expected, nothing extracted
      pn += 1
    }
    if (s.tp + s.fn > 0) {
      r += s.tp / (s.tp + s.fn)
      rn += 1
    }
  }
  const precision = pn === 0 ? 0 : p / pn
  const recall = rn === 0 ? 0 : r / rn
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)
  return { precision, recall, f1, pages: scores.length }
}

/** Where the shared benchmark lives: ../shared beside the repository (CI lays it there too). */
export const EXTRACTION_DIR = path.resolve(
  import.meta.dirname,
  '../../../shared/benchmarks/article-extraction',
)

export type BenchPage = {
  id: string
  /** The hand-checked body text. */
  expected: string
  url: string
  /** The saved page, decoded as UTF-8 unless its head declares another charset. */
  html: () => string
  /** The page as scraped text (rendered, scripts off, innerText), when present. */
  text: () => string | null
  /** The page's own title (og:title or <title>), when known. */
  title: string | null
}

function decodeHtml(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1')
  const charset = /<meta[^>]+charset=["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase() ?? 'utf-8'
  try {
    return new TextDecoder(charset).decode(bytes)
  } catch {
    return new TextDecoder('utf-8').decode(bytes)
  }
}

/**
 * The development half's pages, sorted by id. `split` keeps tuning apart from checking: 'tune' is every
 * other page starting with the first, 'check' the rest, 'all' both.
 */
export function loadExtractionPages(split: 'tune' | 'check' | 'all' = 'all'): BenchPage[] {
  if (!existsSync(EXTRACTION_DIR)) return []
  const truth = JSON.parse(readFileSync(path.join(EXTRACTION_DIR, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >
  const titlesFile = path.join(EXTRACTION_DIR, 'titles.json')
  const titles = existsSync(titlesFile)
    ? (JSON.parse(readFileSync(titlesFile, 'utf8')) as Record<string, { title: string }>)
    : {}
  const ids = Object.keys(truth).sort()
  return ids
    .filter((_, i) => split === 'all' || (split === 'tune') === (i % 2 === 0))
    .map((id) => {
      const entry = truth[id]!
      return {
        id,
        expected: entry.articleBody,
        url: entry.url,
        html: () => decodeHtml(gunzipSync(readFileSync(path.join(EXTRACTION_DIR, 'html', `${id}.html.gz`)))),
        text: () => {
          const file = path.join(EXTRACTION_DIR, 'text', `${id}.txt`)
          return existsSync(file) ? readFileSync(file, 'utf8') : null
        },
        title: titles[id]?.title ?? null,
      }
    })
}
