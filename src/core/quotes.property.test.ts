/**
 * Property tests: whatever text comes in — unbalanced marks, any Unicode, names and cue words in any order —
 * quote and entity analysis never throws, every offset indexes into its block, and the output is the same
 * every time. Plus a guard against catastrophic backtracking on 1 MB of adversarial text.
 */
import fc from 'fast-check'
import * as v from 'valibot'
import { beforeAll, describe, expect, it } from 'vitest'
import { quoteFixtures } from '../../test/fixtures/quotes/blocks'
import { extractEntities } from './entities'
import { entitySchema, quoteSchema, speakerSchema, type Paragraph } from './schema'
import { analyseQuotes } from './speakers'

const SEED = Number(process.env.FC_SEED ?? 20180418)
const RUNS = Number(process.env.FC_RUNS ?? 1500)

/** Pieces that exercise the rules: names, titles, cue words, pronouns, every kind of mark, odd Unicode. */
const piece = fc.constantFrom(
  'Trump',
  'Donald',
  'Kim',
  'Jong-un',
  'Abe',
  'Sheila Smith',
  'Mr.',
  'Ms',
  'U.S.',
  'President',
  'president',
  'Prime Minister',
  'leader',
  'CIA',
  'Council on Foreign Relations',
  'North Korean',
  'Japan',
  'Mar-a-Lago',
  'resort',
  'at',
  'in',
  'the',
  'a',
  'said',
  'says',
  'told',
  'by saying',
  'according to',
  'claims',
  'so-called',
  'he',
  'she',
  'they',
  'who',
  'it',
  '"',
  '“',
  '”',
  "'",
  '‘',
  '’',
  '„',
  '«',
  '»',
  ',',
  '.',
  ':',
  ';',
  '—',
  '-',
  '…',
  '?',
  '!',
  '(',
  ')',
  ' ',
  '  ',
  '\u00a0',
  '\n',
  "won't",
  "it's",
  '’90s',
  'Koreas’',
  '12"',
  'é',
  'e\u0301',
  '😀',
  '한국',
  '東京',
  'עברית',
  '\u200b',
  '\ufeff',
)

const richText = fc.array(piece, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(' '))
const anyText = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 })
const blockText = fc.oneof(richText, richText, anyText).filter((t) => t.length > 0)

const blocksArb: fc.Arbitrary<Paragraph[]> = fc
  .tuple(
    blockText,
    fc.option(blockText, { nil: undefined }),
    fc.array(blockText, { minLength: 0, maxLength: 6 }),
  )
  .map(([headline, deck, body]) => [
    { id: 'headline', text: headline },
    ...(deck === undefined ? [] : [{ id: 'deck', text: deck }]),
    ...body.map((text, i) => ({ id: `p${i + 1}`, text })),
  ])

function check(blocks: readonly Paragraph[]) {
  const { quotes, speakers } = analyseQuotes(blocks)
  const entities = extractEntities(blocks, speakers)
  const byId = new Map(blocks.map((b) => [b.id, b.text]))
  const speakerIds = new Set(speakers.map((s) => s.id))
  expect(speakerIds.size).toBe(speakers.length)
  for (const s of speakers) expect(v.is(speakerSchema, s)).toBe(true)
  expect(new Set(quotes.map((q) => q.id)).size).toBe(quotes.length)
  for (const q of quotes) {
    expect(v.is(quoteSchema, q)).toBe(true)
    const text = byId.get(q.paragraphId)
    expect(text).toBeDefined()
    expect(q.start).toBeLessThan(q.end)
    expect(q.end).toBeLessThanOrEqual(text!.length)
    expect(text!.slice(q.start, q.end)).toBe(q.text)
    if (q.speakerId === null) expect(q.confidence).toBe(0)
    else {
      expect(speakerIds.has(q.speakerId)).toBe(true)
      expect(q.confidence).toBeGreaterThan(0)
    }
    if (q.cue) {
      const cueText = byId.get(q.cue.paragraphId)
      expect(cueText).toBeDefined()
      expect(q.cue.end).toBeLessThanOrEqual(cueText!.length)
      expect(cueText!.slice(q.cue.start, q.cue.end)).toBe(q.cue.text)
    }
  }
  expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length)
  for (const e of entities) {
    expect(v.is(entitySchema, e)).toBe(true)
    for (const m of e.mentions) {
      const text = byId.get(m.paragraphId)
      expect(text).toBeDefined()
      expect(m.start).toBeLessThan(m.end)
      expect(m.end).toBeLessThanOrEqual(text!.length)
    }
  }
  return { quotes, speakers, entities }
}

describe('quote and entity analysis on any text', () => {
  it('never throws and keeps every offset inside its block', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        check(blocks)
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('gives the same output for the same text every time', () => {
    fc.assert(
      fc.property(blocksArb, (blocks) => {
        const first = check(blocks)
        const again = analyseQuotes(blocks.map((b) => ({ ...b })))
        expect(again).toEqual({ quotes: first.quotes, speakers: first.speakers })
        expect(
          extractEntities(
            blocks.map((b) => ({ ...b })),
            again.speakers,
          ),
        ).toEqual(first.entities)
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 3) },
    )
  })
})

/** A 1 MB text made of `unit` repeated, cut to exactly 1,000,000 characters. */
function megabyte(unit: string | ((i: number) => string)): string {
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < 1_000_000; i += 1) {
    const s = typeof unit === 'string' ? unit : unit(i)
    parts.push(s)
    length += s.length
  }
  return parts.join('').slice(0, 1_000_000)
}

/** A distinct capitalised name for each i ("Baab", "Caab", ...). */
function name(i: number): string {
  let s = ''
  let n = i + 1
  while (n > 0) {
    s += String.fromCharCode(97 + (n % 26))
    n = Math.floor(n / 26)
  }
  return `B${s}`
}

const ADVERSARIAL: [string, string][] = [
  ['straight double marks', megabyte('"')],
  ['marks around single letters', megabyte('" a')],
  ['curly opening marks only', megabyte('“')],
  ['single marks and apostrophes', megabyte("a' '")],
  ['full stops and initialisms', megabyte('the U.S. . ')],
  ['hyphens', megabyte('a-')],
  ['titles and capitalised names', megabyte('Mr. Aa Bb Cc ')],
  ['cue words, fillers and participles', megabyte('said the president also by saying ')],
  ['quotes with pronoun and colon cues', megabyte('"Yes," he said. Aa Bb: "y" ')],
  ['distinct people quoted', megabyte((i) => `President ${name(i)} ${name(i + 7)} said "x." `)],
  ['one shared surname and roles', megabyte((i) => `Mr. ${name(i)} Smith said "x." the U.S. president, `)],
  ['unclosed quotes per sentence', megabyte('He said "we will go. ')],
]

/** Processor time spent in `fn`, in ms: unlike wall time it does not grow when other work shares the machine. */
function cpuMs(fn: () => void): number {
  const start = process.cpuUsage()
  fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

function analyse(blocks: readonly Paragraph[]) {
  const { speakers } = analyseQuotes(blocks)
  extractEntities(blocks, speakers)
}

/** One block of the text, and the same text as 500 paragraphs of 2,000 characters. */
function layouts(text: string): Paragraph[][] {
  const many: Paragraph[] = [{ id: 'headline', text: 'Headline' }]
  for (let i = 0; i * 2000 < text.length; i += 1) {
    many.push({ id: `p${i + 1}`, text: text.slice(i * 2000, (i + 1) * 2000) })
  }
  return [
    [
      { id: 'headline', text: text.slice(0, 200_000) },
      { id: 'p1', text },
    ],
    many,
  ]
}

describe('analysis time on 1 MB of adversarial text', () => {
  // The yardstick: 1 MB of ordinary news prose (a fixture repeated), timed on this machine, now.
  const prose = quoteFixtures()
    .filter((f) => !f.seed)
    .map((f) => f.raw)
    .join('\n')
    .replace(/\n+/g, ' ')
  let proseMs = 0
  beforeAll(() => {
    const text = megabyte(prose)
    proseMs = Math.max(...layouts(text).map((blocks) => cpuMs(() => analyse(blocks))))
  }, 120_000)

  for (const [label, text] of ADVERSARIAL) {
    it(`finishes in time linear in the text on ${label}`, () => {
      for (const blocks of layouts(text)) {
        const ms = cpuMs(() => analyse(blocks))
        // Generous: linear work is within a small factor of ordinary prose; catastrophic backtracking or a
        // quadratic scan over 1 MB is thousands of times slower.
        expect(ms).toBeLessThan(Math.max(2000, 6 * proseMs))
      }
    })
  }
})
