import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  articleFromFixture,
  loadPairFixtures,
  loadSingleFixture,
  spanText,
  type ExpectedLink,
} from '../../test/fixtures/pairs/fixture-article'
import { alignArticles, type AlignedComparison, type AlignedLink } from './align'
import { passageFeatures } from './align-terms'
import { buildArticle } from './pipeline'
import {
  articleSchema,
  comparisonSchema,
  sourcesSchema,
  SCHEMA_VERSION,
  type Article,
  type Link,
  type Span,
} from './schema'

// ---------------------------------------------------------------------------------------------------
// alignArticles

type Found = { link: AlignedLink; left: string; right: string }

function linksOf(comparison: AlignedComparison, left: Article, right: Article): Found[] {
  return comparison.links.map((link) => ({
    link,
    left: spanText(left, link.left),
    right: spanText(right, link.right),
  }))
}

function matches(found: Found, expected: ExpectedLink): boolean {
  return found.left.includes(expected.left) && found.right.includes(expected.right)
}

function kinds(expected: ExpectedLink): string[] {
  return expected.kind === undefined ? [] : [expected.kind].flat()
}

const fixtures = loadPairFixtures()

describe('alignArticles on pairs of reports of one event', () => {
  it('has several fixture pairs to check against', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(5)
  })

  describe.each(fixtures)('$name', ({ name, pair }) => {
    const left = articleFromFixture(pair.left, `${name}-left`)
    const right = articleFromFixture(pair.right, `${name}-right`)
    const comparison = alignArticles(left, right)
    const found = linksOf(comparison, left, right)

    it('links every passage pair a careful reader would link, with the right kind', () => {
      const missing = pair.links
        .filter(
          (e) =>
            !found.some((f) => matches(f, e) && (kinds(e).length === 0 || kinds(e).includes(f.link.kind))),
        )
        .map((e) => `${e.kind}: ${e.left} <-> ${e.right}`)
      expect(missing).toEqual([])
    })

    it('draws no link a careful reader would reject', () => {
      const wrong = found
        .filter((f) => ![...pair.links, ...pair.optional, ...(pair.hard ?? [])].some((e) => matches(f, e)))
        .map((f) => `${f.link.kind} ${f.link.score}: ${f.left} <-> ${f.right}`)
      expect(wrong).toEqual([])
    })

    it('marks what only one outlet reports as found only on its side', () => {
      const onlyLeft = comparison.onlyLeft.map((s) => spanText(left, s))
      const onlyRight = comparison.onlyRight.map((s) => spanText(right, s))
      for (const text of pair.onlyLeft)
        expect(
          onlyLeft.some((t) => t.includes(text)),
          text,
        ).toBe(true)
      for (const text of pair.onlyRight)
        expect(
          onlyRight.some((t) => t.includes(text)),
          text,
        ).toBe(true)
    })

    it('produces a comparison the data contract accepts', () => {
      expect(() => comparisonSchema.parse(comparison)).not.toThrow()
    })
  })
})

describe('alignArticles on unrelated articles', () => {
  const sides = fixtures.flatMap(({ name, pair }) => [
    { event: name, article: articleFromFixture(pair.left, `${name}-left`) },
    { event: name, article: articleFromFixture(pair.right, `${name}-right`) },
  ])
  sides.push({
    event: 'city-budget',
    article: articleFromFixture(loadSingleFixture('city-budget').article, 'city-budget'),
  })
  const unrelated = sides.flatMap((a, i) =>
    sides
      .slice(i + 1)
      .filter((b) => b.event !== a.event)
      .map((b) => [a, b] as const),
  )

  it.each(unrelated.map(([a, b]) => [a.article.id, b.article.id, a.article, b.article] as const))(
    'draws at most one weak link between %s and %s',
    (_l, _r, a, b) => {
      const { links } = alignArticles(a, b)
      expect(links.length).toBeLessThanOrEqual(1)
      for (const l of links) {
        expect(l.kind).not.toBe('same-quote')
        expect(l.score).toBeLessThan(0.5)
      }
    },
  )

  it('keeps a story from the same city hall with the same mayor apart from the rail vote', () => {
    const budget = articleFromFixture(loadSingleFixture('city-budget').article, 'city-budget')
    const rail = fixtures.find((f) => f.name === 'light-rail')!.pair
    expect(alignArticles(budget, articleFromFixture(rail.left, 'rail-left')).links).toHaveLength(0)
    expect(alignArticles(articleFromFixture(rail.right, 'rail-right'), budget).links).toHaveLength(0)
  })
})

describe('alignArticles', () => {
  const earthquake = fixtures.find((f) => f.name === 'earthquake')!.pair
  const layoffs = fixtures.find((f) => f.name === 'layoffs')!.pair

  it('links a fragment quoted on one side to the full sentence quoted on the other as the same quote', () => {
    const left = articleFromFixture(earthquake.left, 'quake-left')
    const right = articleFromFixture(earthquake.right, 'quake-right')
    const link = alignArticles(left, right).links.find((l) => l.kind === 'same-quote')!
    expect(spanText(left, link.left)).toContain('We are still pulling people out of the rubble')
    expect(spanText(right, link.right)).toContain('"still pulling people out of the rubble."')
    expect(link.evidence.quoteOverlap).toBe('still pulling people out of the rubble')
    expect(link.evidence.note).toContain('Both quote Paula Renner')
    expect(link.leftQuoteId).toBe(left.quotes[0]!.id)
    expect(link.rightQuoteId).toBe(right.quotes[0]!.id)
  })

  it('calls a direct quote on one side and the same speaker reported on the other a paraphrase', () => {
    const left = articleFromFixture(layoffs.left, 'layoffs-left')
    const right = articleFromFixture(layoffs.right, 'layoffs-right')
    const link = linksOf(alignArticles(left, right), left, right).find(
      (f) => f.left.includes('In a memo to staff') && f.right.includes('Whitfield said'),
    )!
    expect(link.link.kind).toBe('paraphrase')
    expect(link.link.evidence.note).toMatch(
      /same statement by Dana Whitfield, quoted on the left, reported on the right/,
    )
    expect(link.link.evidence.sharedTerms).toEqual(expect.arrayContaining(['pandemic', 'tougher', 'market']))
  })

  it('explains each link with the words, figures and names both passages share', () => {
    const left = articleFromFixture(layoffs.left, 'layoffs-left')
    const right = articleFromFixture(layoffs.right, 'layoffs-right')
    const shares = linksOf(alignArticles(left, right), left, right).find((f) =>
      f.left.includes('shares rose 3%'),
    )!
    expect(shares.link.kind).toBe('same-fact')
    expect(shares.link.evidence.sharedTerms).toEqual(
      expect.arrayContaining(['rose ≈ gained', 'shares ≈ stock']),
    )
    expect(shares.link.evidence.sharedNumbers).toEqual(['3%'])
    expect(shares.link.evidence.sharedEntities).toEqual(['Lumora'])
    expect(shares.link.evidence.note).toMatch(
      /^Share 3 content words: .*\. Same figures or dates: 3%\. Both name Lumora\.$/,
    )
  })

  it('scores every link between 0 and 1, same quotes above other kinds of link', () => {
    for (const { name, pair } of fixtures) {
      const { links } = alignArticles(
        articleFromFixture(pair.left, `${name}-l`),
        articleFromFixture(pair.right, `${name}-r`),
      )
      for (const l of links) {
        expect(l.score).toBeGreaterThan(0)
        expect(l.score).toBeLessThanOrEqual(1)
        if (l.kind === 'same-quote') expect(l.score).toBeGreaterThanOrEqual(0.7)
      }
    }
  })

  it('falls back to whole paragraphs when the article has no sentences', () => {
    const left = articleFromFixture({ ...earthquake.left, noSentences: true }, 'quake-left')
    const right = articleFromFixture({ ...earthquake.right, noSentences: true }, 'quake-right')
    const comparison = alignArticles(left, right)
    const found = linksOf(comparison, left, right)
    expect(
      found.some(
        (f) =>
          f.link.left.paragraphId === 'p3' &&
          f.link.right.paragraphId === 'p3' &&
          f.link.kind === 'same-quote',
      ),
    ).toBe(true)
    expect(found.some((f) => f.link.left.paragraphId === 'p1' && f.link.right.paragraphId === 'p1')).toBe(
      true,
    )
    for (const s of [...comparison.links.map((l) => l.left), ...comparison.onlyLeft]) {
      if (s.paragraphId.startsWith('p')) expect(s.start).toBe(0)
    }
    expect(comparison.onlyLeft.map((s) => spanText(left, s))).toContain(earthquake.left.paragraphs[6])
  })

  it('gives the same links, in left reading order with ids l1, l2, ..., every time', () => {
    const left = articleFromFixture(earthquake.left, 'quake-left')
    const right = articleFromFixture(earthquake.right, 'quake-right')
    const first = alignArticles(left, right)
    expect(alignArticles(structuredClone(left), structuredClone(right))).toEqual(first)
    expect(first.links.map((l) => l.id)).toEqual(first.links.map((_, i) => `l${i + 1}`))
    const order = (l: Link) => blockOrder(left, l.left.paragraphId) * 1e6 + l.left.start
    const positions = first.links.map(order)
    expect(positions).toEqual([...positions].sort((a, b) => a - b))
  })

  it('accounts for every passage of both articles exactly once as linked or found only on one side', () => {
    const left = articleFromFixture(earthquake.left, 'quake-left')
    const right = articleFromFixture(earthquake.right, 'quake-right')
    const comparison = alignArticles(left, right)
    const key = (s: Span) => `${s.paragraphId}:${s.start}:${s.end}`
    const linkedLeft = new Set(comparison.links.map((l) => key(l.left)))
    const linkedRight = new Set(comparison.links.map((l) => key(l.right)))
    for (const s of comparison.onlyLeft) expect(linkedLeft.has(key(s))).toBe(false)
    for (const s of comparison.onlyRight) expect(linkedRight.has(key(s))).toBe(false)
    expect(linkedLeft.size + comparison.onlyLeft.length).toBe(left.sentences.length)
    expect(linkedRight.size + comparison.onlyRight.length).toBe(right.sentences.length)
  })

  it('links the same passages with the same kinds and scores when the two sides are swapped', () => {
    const key = (s: Span) => `${s.paragraphId}:${s.start}:${s.end}`
    for (const { name, pair } of fixtures) {
      const left = articleFromFixture(pair.left, `${name}-left`)
      const right = articleFromFixture(pair.right, `${name}-right`)
      const forward = alignArticles(left, right).links.map(
        (l) => `${key(l.left)} ${key(l.right)} ${l.kind} ${l.score}`,
      )
      const swapped = alignArticles(right, left).links.map(
        (l) => `${key(l.right)} ${key(l.left)} ${l.kind} ${l.score}`,
      )
      expect(new Set(swapped), name).toEqual(new Set(forward))
    }
  })

  it('links every passage of an article compared with itself to itself', () => {
    const article = articleFromFixture(earthquake.left, 'quake')
    const comparison = alignArticles(article, article)
    expect(comparison.onlyLeft).toEqual([])
    expect(comparison.onlyRight).toEqual([])
    for (const s of article.sentences) {
      expect(
        comparison.links.some(
          (l) =>
            l.left.paragraphId === s.paragraphId &&
            l.left.start === s.start &&
            l.right.start === s.start &&
            l.right.paragraphId === s.paragraphId,
        ),
      ).toBe(true)
    }
  })
})

function blockOrder(article: Article, id: string): number {
  if (id === 'headline') return 0
  if (id === 'deck') return 1
  return 2 + article.paragraphs.findIndex((p) => p.id === id)
}

// ---------------------------------------------------------------------------------------------------
// Property: any article pair the contract allows, however odd, aligns without throwing.

const WORDS = [
  'Trump',
  'said',
  'the',
  'summit',
  'talks',
  'will',
  'walk',
  'away',
  'U.S.',
  'Kim',
  'Jong-un',
  '4.5%',
  '1,200',
  'Wednesday',
  'pressure',
  'maximum',
  'abductees',
  '“',
  '”',
  '"',
  "'",
  '—',
  '...',
  '.',
  ',',
  'é',
  '😀',
  'affirm',
  'agreed',
  'Ms.',
  'nine',
  'votes',
  'to',
  'four',
  '2-1',
  'leave',
  '\u00a0',
]

const textArb = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 30 })
  .map((w) => w.join(' ').trim() || 'x')

const articleArb = fc
  .record({
    headline: textArb,
    deck: fc.option(textArb, { nil: null }),
    paragraphs: fc.array(textArb, { minLength: 1, maxLength: 6 }),
    cuts: fc.array(fc.nat(), { maxLength: 12 }),
    quotes: fc.array(
      fc.record({
        block: fc.nat(),
        a: fc.nat(),
        b: fc.nat(),
        speaker: fc.option(fc.constantFrom('Donald Trump', 'Trump', 'Kim Jong Un', 'X'), { nil: null }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ headline, deck, paragraphs, cuts, quotes }): Article => {
    const blocks = [
      { id: 'headline', text: headline },
      ...(deck ? [{ id: 'deck', text: deck }] : []),
      ...paragraphs.map((text, i) => ({ id: `p${i + 1}`, text })),
    ]
    // Sentences from arbitrary cut points: possibly overlapping, empty or covering nothing sensible.
    const sentences = cuts.map((c, i) => {
      const b = blocks[c % blocks.length]!
      const start = c % (b.text.length + 1)
      const end = Math.min(b.text.length, start + (c % 40))
      return { id: `${b.id}s${i + 1}`, paragraphId: b.id, start, end }
    })
    const speakers = new Map<string, { id: string; name: string; role: null }>()
    const qs = quotes.map((q, i) => {
      const b = blocks[q.block % blocks.length]!
      const start = Math.min(q.a, q.b) % (b.text.length + 1)
      const end = Math.min(b.text.length, start + (Math.max(q.a, q.b) % 50))
      const id = q.speaker
        ? q.speaker
            .toLowerCase()
            .replace(/[^a-z]+/g, '-')
            .replace(/^-|-$/g, '') || 'x'
        : null
      if (id && q.speaker) speakers.set(id, { id, name: q.speaker, role: null })
      return {
        id: `q${i + 1}`,
        paragraphId: b.id,
        start,
        end,
        text: b.text.slice(start, end),
        kind: 'partial' as const,
        speakerId: id,
        confidence: id ? 0.5 : 0,
        cue: null,
      }
    })
    return articleSchema.parse({
      schemaVersion: SCHEMA_VERSION,
      id: 'generated',
      storyId: null,
      outlet: null,
      kicker: null,
      headline,
      deck,
      byline: null,
      dateline: null,
      published: null,
      sourceUrl: null,
      caption: null,
      paragraphs: blocks.filter((b) => b.id.startsWith('p')),
      sentences,
      quotes: qs,
      speakers: [...speakers.values()],
      entities: [
        {
          id: 'trump',
          name: 'Donald Trump',
          type: 'person',
          mentions: sentences.slice(0, 2).map(({ paragraphId, start, end }) => ({ paragraphId, start, end })),
        },
      ],
      wordCount: 1,
    })
  })

describe('alignArticles on arbitrary articles', () => {
  it('never throws, keeps every span inside its block and gives the same answer twice', () => {
    fc.assert(
      fc.property(articleArb, articleArb, (left, right) => {
        const comparison = alignArticles(left, right)
        comparisonSchema.parse(comparison)
        const within = (article: Article, s: Span) => {
          const text =
            s.paragraphId === 'headline'
              ? article.headline
              : s.paragraphId === 'deck'
                ? article.deck
                : article.paragraphs.find((p) => p.id === s.paragraphId)?.text
          return text !== undefined && text !== null && s.start <= s.end && s.end <= text.length
        }
        for (const l of comparison.links) {
          expect(within(left, l.left)).toBe(true)
          expect(within(right, l.right)).toBe(true)
        }
        for (const s of comparison.onlyLeft) expect(within(left, s)).toBe(true)
        for (const s of comparison.onlyRight) expect(within(right, s)).toBe(true)
        expect(alignArticles(left, right)).toEqual(comparison)
      }),
      { numRuns: 300 },
    )
  })
})

// ---------------------------------------------------------------------------------------------------
// The seed pair, through the real pipeline.

describe('alignArticles on the seed pair (Nikkei Asia and the "Hot Issues" column on the Trump-Abe summit)', () => {
  const root = path.resolve(import.meta.dirname, '../..')
  const sources = sourcesSchema.parse(
    JSON.parse(readFileSync(path.join(root, 'corpus/sources.json'), 'utf8')),
  )
  const [nikkei, column] = sources.articles.map((entry) =>
    buildArticle(readFileSync(path.join(root, 'corpus', entry.file), 'utf8'), entry),
  ) as [Article, Article]
  const comparison = alignArticles(nikkei, column)
  const found = linksOf(comparison, nikkei, column)
  const linked = (left: string, right: string) =>
    found.filter((f) => f.left.includes(left) && f.right.includes(right))

  it('produces a comparison the data contract accepts', () => {
    expect(() => comparisonSchema.parse(comparison)).not.toThrow()
  })

  it('links the "respectfully leave" quote as the same quote by Donald Trump', () => {
    const [link] = linked('I will respectfully leave the meeting', 'he will "respectfully leave"')
    expect(link?.link.kind).toBe('same-quote')
    expect(link?.link.evidence.quoteOverlap).toBe('respectfully leave')
    expect(link?.link.evidence.note).toContain('Both quote Donald Trump: “respectfully leave”')
  })

  it('links the maximum-pressure passages', () => {
    expect(
      linked('Maximum pressure needs to be maintained', 'maintain maximum pressure on North Korea'),
    ).toHaveLength(1)
  })

  it('links the passages on the Japanese abductees', () => {
    expect(
      linked('Japanese citizens that have been abducted', 'the issue of Japanese abductees'),
    ).toHaveLength(1)
  })

  it('marks facts only one outlet reports as found only on its side', () => {
    const onlyLeft = comparison.onlyLeft.map((s) => spanText(nikkei, s))
    const onlyRight = comparison.onlyRight.map((s) => spanText(column, s))
    expect(onlyLeft.some((t) => t.includes('said Sheila Smith'))).toBe(true)
    expect(onlyRight.some((t) => t.includes('Xi will soon visit Pyongyang'))).toBe(true)
    expect(onlyRight.some((t) => t.includes('Kim Jong-un already visited China'))).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------------
// What a passage is about (the features alignment compares)

describe('passageFeatures', () => {
  const keys = (text: string) => [...passageFeatures(text).features.keys()]

  it('folds inflections and synonyms so two wordings of one act meet', () => {
    const a = keys('Trump said he would walk away from the summit.')
    const b = keys('He will leave the talks, Trump warned.')
    expect(a.filter((k) => b.includes(k)).sort()).toEqual(['trump', '~leav', '~meet'].sort())
  })

  it('counts a multi-word name as about one word, not one per part', () => {
    const { features } = passageFeatures('North Korean leader Kim Jong Un met officials.')
    const nameWeight = ['kim', 'jong', 'un'].reduce((s, k) => s + features.get(k)!.factor, 0)
    expect(nameWeight).toBeCloseTo(1, 5)
  })

  it('reads figures the way readers do: thousands, per cent, scales and tallies', () => {
    const a = keys('It cut 1,200 jobs, 8% of staff, costing $3.1 billion; the vote was 9-4.')
    const b = keys(
      'About 1200 positions (8 per cent) go, at a cost of 3.1 billion dollars, by nine votes to four.',
    )
    for (const figure of ['#1200', '#8%', '#3100000000', '#9-4']) {
      expect(a).toContain(figure)
      expect(b).toContain(figure)
    }
  })

  it('finds who reports speech: the name before the verb, or after it, never a name inside the quote', () => {
    expect(passageFeatures('Trump also promised Abe that talks would go on.').speakers).toEqual([['trump']])
    expect(passageFeatures('"I will meet Kim Jong Un," said Sheila Smith.').speakers).toEqual([
      ['sheila', 'smith'],
    ])
    expect(passageFeatures('The weather was fine on Tuesday.').speakers).toEqual([])
  })

  it('reads abbreviations, possessives, contractions and numbers with their furniture as whole words', () => {
    const k = keys('In the 1990s the U.S. paid $3.1 for Abe’s 88th-minute goal; “don’t,” Kim Jong-un said.')
    expect(k).toEqual(
      expect.arrayContaining(['#1990', '~unit_state', '#3.1', 'ab', '#88', 'kim', 'jong', 'un']),
    )
    expect(k.some((x) => x.includes("'") || x.includes('’'))).toBe(false)
  })

  it('keeps "US" the country apart from "us" the pronoun', () => {
    expect(keys('The US will act.')).toContain(keys('America will act.')[0])
    expect(keys('Tell us more.')).toEqual([])
  })
})
