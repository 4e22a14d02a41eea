import { readFileSync } from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  articleBlocks,
  buildArticle,
  countWords,
  IngestError,
  MAX_LINE_LENGTH,
  MAX_TEXT_LENGTH,
} from './pipeline'
import { articleSchema } from './schema'
import { slugify } from './slug'

const root = path.resolve(import.meta.dirname, '../..')
const seed000 = readFileSync(path.join(root, 'corpus/raw/000_80f71aebbeb0d8b4.txt'), 'utf8')
const seed003 = readFileSync(path.join(root, 'corpus/raw/003_59d9113b8196ce96.txt'), 'utf8')
const noMeta = { outlet: null, sourceUrl: null, storyId: null }

function ingestError(raw: string): IngestError {
  try {
    buildArticle(raw, noMeta)
  } catch (error) {
    if (error instanceof IngestError) return error
    throw error
  }
  throw new Error('expected an IngestError')
}

describe('buildArticle', () => {
  it('builds a valid article from each seed', () => {
    for (const raw of [seed000, seed003]) {
      const article = buildArticle(raw, noMeta)
      expect(v.is(articleSchema, article)).toBe(true)
    }
  })

  it('names the article with a readable slug of its headline', () => {
    expect(buildArticle(seed000, noMeta).id).toBe('trump-ready-to-walk-out-of-kim-meeting-if-not-fruitful')
    expect(buildArticle(seed003, noMeta).id).toBe('us-japan-summit-focuses-on-north-korean-nuclear-issue')
  })

  it('lets the metadata decide the id, outlet, source URL, story and date', () => {
    const article = buildArticle(seed003, {
      id: 'korea-herald-summit',
      outlet: 'Example Daily',
      sourceUrl: 'https://example.com/a',
      storyId: 'summit',
      published: '2018-04-21',
    })
    expect(article).toMatchObject({
      id: 'korea-herald-summit',
      outlet: 'Example Daily',
      sourceUrl: 'https://example.com/a',
      storyId: 'summit',
      published: '2018-04-21',
    })
  })

  it('uses the date the text states when the metadata has none, and null when neither has one', () => {
    expect(buildArticle(seed003, noMeta).published).toBe('2018-04-22')
    expect(buildArticle(seed000, noMeta).published).toBeNull()
    expect(buildArticle(seed000, noMeta).outlet).toBeNull()
  })

  it('keeps the structure the text states', () => {
    const article = buildArticle(seed000, noMeta)
    expect(article).toMatchObject({
      kicker: 'North Korea Crisis',
      headline: "Trump ready to walk out of Kim meeting if 'not fruitful'",
      deck: 'US and Japan agree to maintain pressure until regime takes concrete action',
      byline: 'Masayuki Yuda',
      dateline: 'Tokyo',
      caption: { credit: 'Akira Kodaka' },
    })
    expect(article.paragraphs).toHaveLength(11)
    expect(article.paragraphs.map((p) => p.id)).toEqual(article.paragraphs.map((_, i) => `p${i + 1}`))
  })

  it('keeps a page label above the column name as the section', () => {
    expect(buildArticle(seed003, noMeta)).toMatchObject({
      section: 'Korean Peninsula A to Z',
      kicker: 'Hot Issues of the Week',
    })
    expect(buildArticle(seed000, noMeta).section).toBeNull()
  })

  it('segments the headline and deck as well as the body', () => {
    const ids = buildArticle(seed000, noMeta).sentences.map((s) => s.id)
    expect(ids.slice(0, 4)).toEqual(['headlines1', 'decks1', 'p1s1', 'p2s1'])
  })

  it('counts the words of the body', () => {
    expect(countWords('U.S. President Donald Trump won’t go — he said so.')).toBe(9)
    const article = buildArticle(seed003, noMeta)
    expect(article.wordCount).toBe(article.paragraphs.reduce((n, p) => n + countWords(p.text), 0))
    expect(article.wordCount).toBeGreaterThan(400)
  })

  it('gives byte-identical output for the same input', () => {
    expect(JSON.stringify(buildArticle(seed000, noMeta))).toBe(JSON.stringify(buildArticle(seed000, noMeta)))
  })

  it('points every sentence, quote and entity at text inside its block', () => {
    const article = buildArticle(seed000, noMeta)
    const blocks = new Map(articleBlocks(article).map((b) => [b.id, b.text]))
    const spans = [...article.sentences, ...article.quotes, ...article.entities.flatMap((e) => e.mentions)]
    for (const span of spans) {
      const text = blocks.get(span.paragraphId)
      expect(text).toBeDefined()
      expect(span.end).toBeLessThanOrEqual(text!.length)
    }
  })
})

describe('buildArticle on bad input', () => {
  it.each([
    ['an empty text', '', 'empty'],
    ['only spaces and newlines', ' \n\n \t\n', 'empty'],
    ['a NUL character', 'Headline\n\nBody text with a \u0000 in it.', 'nul-character'],
    ['binary data', `Headline\n\n${'\u0001\u0002\u0003\u0004'.repeat(50)}`, 'binary'],
    ['a text longer than the limit', 'A short line of text.\n'.repeat(MAX_TEXT_LENGTH / 20), 'too-large'],
    [
      'a single line longer than any paragraph',
      `Headline\n\n${'word '.repeat(MAX_LINE_LENGTH / 4)}`,
      'line-too-long',
    ],
    ['one long paragraph and no title', `${'The council met again on Tuesday. '.repeat(40)}`, 'no-headline'],
    ['nothing but page furniture', 'Subscribe now\n\nAdvertisement\n\nShare\n\nRead more', 'no-headline'],
  ])('rejects %s with a clear IngestError', (_what, raw, code) => {
    const error = ingestError(raw)
    expect(error.code).toBe(code)
    expect(error.message.length).toBeGreaterThan(15)
  })

  it('says which line is too long and how long it is', () => {
    const error = ingestError(`Headline\n\nFirst paragraph.\n${'x'.repeat(150_000)}`)
    expect(error.message).toContain('line 4')
    expect(error.message).toContain('150,000')
  })

  it('rejects metadata that breaks the contract', () => {
    expect(() => buildArticle(seed000, { ...noMeta, sourceUrl: 'javascript:alert(1)' })).toThrow(IngestError)
  })
})

describe('slugify', () => {
  it.each([
    [
      'U.S.-Japan Summit Focuses on North Korean Nuclear Issue',
      'us-japan-summit-focuses-on-north-korean-nuclear-issue',
    ],
    [
      "Trump ready to walk out of Kim meeting if 'not fruitful'",
      'trump-ready-to-walk-out-of-kim-meeting-if-not-fruitful',
    ],
    ['São Paulo’s mayor — re-elected!', 'sao-paulos-mayor-re-elected'],
    ['GDP grew 3.5% in Q1', 'gdp-grew-3-5-in-q1'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug)
  })

  it('cuts long headlines at a word boundary without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(40))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  })

  it('gives a stable id to a headline without Latin letters', () => {
    expect(slugify('북미 정상회담')).toMatch(/^article-[0-9a-f]{8}$/)
    expect(slugify('북미 정상회담')).toBe(slugify('북미 정상회담'))
    expect(slugify('북미 정상회담')).not.toBe(slugify('한일 정상회담'))
  })
})
