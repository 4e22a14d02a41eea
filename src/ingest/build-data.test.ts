import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildArticle } from '../core/pipeline'
import {
  articleSchema,
  comparisonEvidenceSchema,
  comparisonSchema,
  indexSchema,
  searchDocumentsSchema,
  type Article,
  type Quote,
} from '../core/schema'
import { buildData, pendingIngestNote } from './build-data'
import { CorpusError } from './corpus'
import { buildDataFiles, buildIndex, DataValidationError, quotedSpeakers } from './data-files'

const root = path.resolve(import.meta.dirname, '../..')
let dir: string

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'parallax-data-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const readJson = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown

describe('buildData on the bundled corpus', () => {
  it('writes the index, search text, every article and both directions of each comparison, all valid', async () => {
    const out = path.join(dir, 'data')
    const result = await buildData({ corpusDir: path.join(root, 'corpus'), outDir: out })
    expect(result).toMatchObject({ articles: 2, stories: 1, comparisons: 2 })

    const index = indexSchema.parse(await readJson(path.join(out, 'index.json')))
    const ids = index.articles.map((a) => a.id)
    // Newest first; the article whose date is unknown comes last.
    expect(ids).toEqual([
      'us-japan-summit-focuses-on-north-korean-nuclear-issue',
      'trump-ready-to-walk-out-of-kim-meeting-if-not-fruitful',
    ])
    expect(index.stories[0]?.articleIds).toEqual(ids)
    expect(index.articles[1]).toMatchObject({ outlet: 'Nikkei Asia', published: null })
    expect(index.articles[0]).toMatchObject({ outlet: null, published: '2018-04-22' })

    for (const id of ids) articleSchema.parse(await readJson(path.join(out, 'articles', `${id}.json`)))
    const [a, b] = ids
    for (const [left, right] of [
      [a, b],
      [b, a],
    ]) {
      const comparison = comparisonSchema.parse(
        await readJson(path.join(out, 'compare', `${left}--${right}.json`)),
      )
      expect(comparison).toMatchObject({ leftId: left, rightId: right })
      // The links' evidence is in a file of its own, one entry per link, and not in the comparison.
      expect(comparison.links.length).toBeGreaterThan(0)
      expect(comparison.links.every((l) => l.evidence === undefined)).toBe(true)
      const evidence = comparisonEvidenceSchema.parse(
        await readJson(path.join(out, 'evidence', `${left}--${right}.json`)),
      )
      expect(evidence).toMatchObject({ leftId: left, rightId: right })
      expect(Object.keys(evidence.evidence).sort()).toEqual(comparison.links.map((l) => l.id).sort())
    }
    const search = searchDocumentsSchema.parse(await readJson(path.join(out, 'search.json')))
    expect(search.map((d) => d.id)).toEqual(ids)
    expect(search[1]?.body).toContain('respectfully leave the meeting')
    expect(search[1]?.body).not.toContain('Subscribe')
  })

  it('gives byte-identical files when built twice', async () => {
    const first = path.join(dir, 'one')
    const second = path.join(dir, 'two')
    await buildData({ corpusDir: path.join(root, 'corpus'), outDir: first })
    await buildData({ corpusDir: path.join(root, 'corpus'), outDir: second })
    for (const f of await readdir(first, { recursive: true })) {
      if (!f.endsWith('.json')) continue
      expect(await readFile(path.join(second, f), 'utf8')).toBe(await readFile(path.join(first, f), 'utf8'))
    }
  })
})

async function corpusWith(sources: unknown): Promise<string> {
  const corpus = path.join(dir, 'corpus')
  await mkdir(path.join(corpus, 'raw'), { recursive: true })
  for (const f of ['000_80f71aebbeb0d8b4.txt', '003_59d9113b8196ce96.txt']) {
    await copyFile(path.join(root, 'corpus/raw', f), path.join(corpus, 'raw', f))
  }
  await writeFile(path.join(corpus, 'sources.json'), JSON.stringify(sources))
  return corpus
}

const entry = (file: string, extra: object = {}) => ({
  file,
  outlet: null,
  sourceUrl: null,
  storyId: null,
  ...extra,
})

describe('buildData on a broken corpus', () => {
  it('says when an interrupted ingest has a batch staged that the build leaves out', async () => {
    const corpus = path.join(dir, 'corpus')
    await mkdir(path.join(corpus, '.ingest', 'batch-4000001-1-ab'), { recursive: true })
    expect(await pendingIngestNote(corpus)).toMatch(/interrupted or running ingest/)
    expect(await pendingIngestNote(path.join(root, 'corpus'))).toBeNull()
  })

  it('keeps the previous data when a listed file is missing, and names the file', async () => {
    const out = path.join(dir, 'data')
    await mkdir(out)
    await writeFile(path.join(out, 'index.json'), 'previous')
    const corpus = await corpusWith({ stories: [], articles: [entry('raw/gone.txt')] })
    await expect(buildData({ corpusDir: corpus, outDir: out })).rejects.toThrow(/raw\/gone\.txt/)
    expect(await readFile(path.join(out, 'index.json'), 'utf8')).toBe('previous')
    expect(await readdir(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/staging/)]))
  })

  it('refuses two articles with the same id', async () => {
    const corpus = await corpusWith({
      stories: [],
      articles: [
        entry('raw/000_80f71aebbeb0d8b4.txt', { id: 'same' }),
        entry('raw/003_59d9113b8196ce96.txt', { id: 'same' }),
      ],
    })
    await expect(buildData({ corpusDir: corpus, outDir: path.join(dir, 'data') })).rejects.toThrow(
      /already used by raw\/000_80f71aebbeb0d8b4\.txt/,
    )
  })

  it('refuses an article in a story that sources.json does not list', async () => {
    const corpus = await corpusWith({
      stories: [],
      articles: [entry('raw/000_80f71aebbeb0d8b4.txt', { storyId: 'nope' })],
    })
    await expect(buildData({ corpusDir: corpus, outDir: path.join(dir, 'data') })).rejects.toThrow(
      CorpusError,
    )
  })

  it('refuses a sources.json that breaks its schema, saying where', async () => {
    const corpus = await corpusWith({
      stories: [],
      articles: [entry('raw/000_80f71aebbeb0d8b4.txt', { sourceUrl: 'ftp://x' })],
    })
    await expect(buildData({ corpusDir: corpus, outDir: path.join(dir, 'data') })).rejects.toThrow(
      /articles\.0\.sourceUrl/,
    )
  })
})

const meta = { outlet: null, sourceUrl: null, storyId: null }
const seed = (file: string) => readFile(path.join(root, 'corpus/raw', file), 'utf8')

function withDate(article: Article, id: string, published: string | null, storyId: string | null): Article {
  return { ...article, id, published, storyId }
}

describe('the index', () => {
  it('orders stories and articles newest first with unknown dates last', async () => {
    const base = buildArticle(await seed('003_59d9113b8196ce96.txt'), meta)
    const articles = [
      withDate(base, 'old', '2001-01-01', 's1'),
      withDate(base, 'undated', null, 's1'),
      withDate(base, 'new', '2020-05-05', 's2'),
      withDate(base, 'mid', '2010-01-01', 's1'),
    ]
    const index = buildIndex(articles, [
      { id: 's1', title: 'Older story', date: '2001-01-01' },
      { id: 's3', title: 'Story without articles', date: '2030-01-01' },
      { id: 's0', title: 'Undated story', date: null },
      { id: 's2', title: 'Newer story', date: '2020-05-05' },
    ])
    expect(index.articles.map((a) => a.id)).toEqual(['new', 'mid', 'old', 'undated'])
    expect(index.stories.map((s) => s.id)).toEqual(['s2', 's1'])
    expect(index.stories[1]?.articleIds).toEqual(['mid', 'old', 'undated'])
  })

  it('lists the people quoted most often first', async () => {
    const base = buildArticle(await seed('000_80f71aebbeb0d8b4.txt'), meta)
    const quote = (speakerId: string | null, i: number): Quote => ({
      id: `q${i + 1}`,
      paragraphId: 'p1',
      start: 0,
      end: 1,
      text: 'x',
      kind: 'full',
      speakerId,
      confidence: speakerId ? 0.9 : 0,
      cue: null,
    })
    const article: Article = {
      ...base,
      speakers: [
        { id: 'a', name: 'Ann', role: null },
        { id: 'b', name: 'Bo', role: null },
        { id: 'c', name: 'Cy', role: null },
      ],
      quotes: ['a', 'b', 'b', null, 'b', 'a'].map(quote),
    }
    expect(quotedSpeakers(article)).toEqual(['Bo', 'Ann'])
  })

  it('refuses to write an article that breaks the contract, naming the file', async () => {
    const base = buildArticle(await seed('000_80f71aebbeb0d8b4.txt'), meta)
    const broken = { ...base, wordCount: -1 }
    expect(() => buildDataFiles([broken], [])).toThrow(DataValidationError)
    expect(() => buildDataFiles([broken], [])).toThrow(/wordCount/)
  })

  it('names the article and the field of a value that breaks the contract', async () => {
    const base = buildArticle(await seed('000_80f71aebbeb0d8b4.txt'), meta)
    const broken = { ...base, id: 'the-summit', published: 'the day after the summit' }
    expect(() => buildDataFiles([broken], [])).toThrow(
      /^articles\/the-summit\.json does not match the data contract: published: /,
    )
  })
})
