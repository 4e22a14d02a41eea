/**
 * Quote finding and speaker attribution (issue 18) on the invented passages of test/fixtures/attribution/:
 * `dev/` is tuned on, `check/` is held out and only measured. Each set is scored alone.
 *
 * A found quote matches an expected one when both lie in the same block and the shared characters are at
 * least half of the longer of the two (one-to-one, best overlap first). Scare quotes are not counted as found:
 * the reader does not highlight them as anyone's words. Speaker figures are over the matched quotes whose
 * expected speaker is a named person; names are compared case-, accent- and full-stop-insensitively, so
 * "Donald J. Trump" and "Donald Trump" differ (the fullest form the article uses is the canonical one).
 *
 * ATTRIBUTION_DEBUG=1 prints every miss of the dev set (never of the check set) to stderr.
 * ATTRIBUTION_SETS=dev measures only the dev set, so tuning runs never show the held-out figures.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { analyseQuotes } from '../../src/core/speakers'
import type { Paragraph } from '../../src/core/schema'
import type { BenchResult } from '../types'

const root = path.resolve(import.meta.dirname, '../../test/fixtures/attribution')

interface ExpectedQuote {
  text: string
  speaker?: string | null
  organization?: string
  pronoun?: boolean
  nested?: boolean
}
interface Passage {
  id: string
  style: string
  headline?: string
  paragraphs: string[]
  quotes: ExpectedQuote[]
}
interface FixtureFile {
  pattern: string
  passages: Passage[]
}

interface Located {
  block: number
  start: number
  end: number
}

interface Tally {
  passages: number
  expected: number
  found: number
  matched: number
  personQuotes: number
  right: number
  none: number
  wrong: number
  pronounQuotes: number
  pronounRight: number
  orgQuotes: number
  orgRight: number
  ms: number
}

function loadSet(name: string): { file: string; passage: Passage }[] {
  const dir = path.join(root, name)
  const out: { file: string; passage: Passage }[] = []
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const data = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as FixtureFile
    for (const passage of data.passages) out.push({ file, passage })
  }
  return out
}

function blocksOf(p: Passage): Paragraph[] {
  const blocks: Paragraph[] = []
  if (p.headline) blocks.push({ id: 'headline', text: p.headline })
  p.paragraphs.forEach((text, i) => blocks.push({ id: `p${i + 1}`, text }))
  return blocks
}

/** Where each expected quote is, searching in reading order from just after the previous one's start. */
function locate(blocks: readonly Paragraph[], quotes: readonly ExpectedQuote[]): Located[] {
  let block = 0
  let from = 0
  return quotes.map((q) => {
    for (let b = block; b < blocks.length; b += 1) {
      const at = blocks[b]!.text.indexOf(q.text, b === block ? from : 0)
      if (at >= 0) {
        block = b
        from = at + 1
        return { block: b, start: at, end: at + q.text.length }
      }
    }
    throw new Error(`expected quote not in its passage: ${q.text}`)
  })
}

function overlapShare(a: Located, b: Located): number {
  if (a.block !== b.block) return 0
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start)
  return shared <= 0 ? 0 : shared / Math.max(a.end - a.start, b.end - b.start)
}

function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/\s+/g, ' ')
    .trim()
}

function emptyTally(): Tally {
  return {
    passages: 0,
    expected: 0,
    found: 0,
    matched: 0,
    personQuotes: 0,
    right: 0,
    none: 0,
    wrong: 0,
    pronounQuotes: 0,
    pronounRight: 0,
    orgQuotes: 0,
    orgRight: 0,
    ms: 0,
  }
}

function scorePassage(p: Passage, tally: Tally, log: ((line: string) => void) | null) {
  const blocks = blocksOf(p)
  const t0 = performance.now()
  const { quotes, speakers } = analyseQuotes(blocks)
  tally.ms += performance.now() - t0
  const names = new Map(speakers.map((s) => [s.id, s.name]))
  const blockIndex = new Map(blocks.map((b, i) => [b.id, i]))
  const found = quotes
    .filter((q) => q.kind !== 'scare')
    .map((q) => ({
      where: { block: blockIndex.get(q.paragraphId) ?? -1, start: q.start, end: q.end },
      text: q.text,
      speaker: q.speakerId === null ? null : (names.get(q.speakerId) ?? q.speakerId),
    }))
  const expected = locate(blocks, p.quotes)
  tally.passages += 1
  tally.expected += expected.length
  tally.found += found.length

  const pairs: { e: number; f: number; share: number }[] = []
  expected.forEach((e, i) =>
    found.forEach((f, j) => {
      const share = overlapShare(e, f.where)
      if (share >= 0.5) pairs.push({ e: i, f: j, share })
    }),
  )
  pairs.sort((x, y) => y.share - x.share)
  const matchOf = new Map<number, number>()
  const usedFound = new Set<number>()
  for (const pair of pairs) {
    if (matchOf.has(pair.e) || usedFound.has(pair.f)) continue
    matchOf.set(pair.e, pair.f)
    usedFound.add(pair.f)
  }
  tally.matched += matchOf.size

  p.quotes.forEach((q, i) => {
    const j = matchOf.get(i)
    if (j === undefined) {
      log?.(`  missed quote: «${q.text}»`)
      return
    }
    const got = found[j]!.speaker
    if (q.organization !== undefined) {
      tally.orgQuotes += 1
      if (got !== null && fold(got) === fold(q.organization)) tally.orgRight += 1
      else log?.(`  organisation: «${q.text}» → ${got ?? 'nobody'}, want ${q.organization}`)
      return
    }
    if (typeof q.speaker !== 'string') {
      if (q.speaker === null && got !== null) log?.(`  nobody said «${q.text}», got ${got}`)
      return
    }
    tally.personQuotes += 1
    const right = got !== null && fold(got) === fold(q.speaker)
    if (right) tally.right += 1
    else if (got === null) tally.none += 1
    else tally.wrong += 1
    if (q.pronoun) {
      tally.pronounQuotes += 1
      if (right) tally.pronounRight += 1
    }
    if (!right)
      log?.(`  speaker${q.pronoun ? ' (pronoun)' : ''}: «${q.text}» → ${got ?? 'nobody'}, want ${q.speaker}`)
  })
  found.forEach((f, j) => {
    if (!usedFound.has(j)) log?.(`  not a quote: «${f.text}» (${f.speaker ?? 'nobody'})`)
  })
}

const pct = (n: number, d: number) => (d === 0 ? 100 : (100 * n) / d)

function results(set: string, t: Tally): BenchResult[] {
  const recall = pct(t.matched, t.expected)
  const precision = pct(t.matched, t.found)
  const f1 = recall + precision === 0 ? 0 : (2 * recall * precision) / (recall + precision)
  const note = `${set}: ${t.passages} invented passages, ${t.expected} quotes, ${t.personQuotes} matched with a named speaker`
  return [
    {
      name: `attribution ${set}: quotes found, F1 (overlap ≥ 50%)`,
      value: f1,
      unit: '%',
      budget: { min: 97 },
      note: `recall ${recall.toFixed(1)}, precision ${precision.toFixed(1)} (${t.matched} of ${t.expected} found, ${t.found} reported); ${note}`,
    },
    {
      name: `attribution ${set}: named speaker right`,
      value: pct(t.right, t.personQuotes),
      unit: '%',
      budget: { min: 92 },
      note,
    },
    {
      name: `attribution ${set}: named speaker missing`,
      value: pct(t.none, t.personQuotes),
      unit: '%',
      budget: { max: 4 },
      note,
    },
    {
      name: `attribution ${set}: wrong person`,
      value: pct(t.wrong, t.personQuotes),
      unit: '%',
      budget: { max: 3 },
      note,
    },
    {
      name: `attribution ${set}: pronoun speaker right`,
      value: pct(t.pronounRight, t.pronounQuotes),
      unit: '%',
      budget: { min: 85 },
      note: `${t.pronounQuotes} quotes attributed by a pronoun`,
    },
    {
      name: `attribution ${set}: organisation speaker right`,
      value: pct(t.orgRight, t.orgQuotes),
      unit: '%',
      note: `${t.orgQuotes} quotes by an organisation`,
    },
  ]
}

export async function run(): Promise<BenchResult[]> {
  const debug = process.env.ATTRIBUTION_DEBUG === '1'
  const out: BenchResult[] = []
  let ms = 0
  let passages = 0
  const sets = (process.env.ATTRIBUTION_SETS ?? 'dev,check')
    .split(',')
    .filter((s) => s === 'dev' || s === 'check')
  for (const set of sets) {
    const tally = emptyTally()
    for (const { file, passage } of loadSet(set)) {
      const lines: string[] = []
      scorePassage(passage, tally, debug && set === 'dev' ? (line) => lines.push(line) : null)
      if (lines.length > 0) process.stderr.write(`${file} ${passage.id}\n${lines.join('\n')}\n`)
    }
    out.push(...results(set, tally))
    ms += tally.ms
    passages += tally.passages
  }
  out.push({
    name: 'attribution: time per passage (first run, cold)',
    value: ms / passages,
    unit: 'ms',
    note: `${passages} passages, analyseQuotes only`,
  })
  return out
}
