import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { IngestError } from '../core/pipeline'
import { articleFromSource, decodeUtf8, describeCrash, readSources, sourceText } from './corpus'

const root = path.resolve(import.meta.dirname, '../..')

// SHA-256 of the seed texts in ../shared/seeds/ as delivered; the corpus copies must stay byte-identical.
const SEEDS: Record<string, string> = {
  'raw/000_80f71aebbeb0d8b4.txt': '58548634ca47bf74c4e1ace97e4cd97ec82d6262de546c1c92915d62b417ab52',
  'raw/003_59d9113b8196ce96.txt': 'd99af58bce4eacfa8b167b859f11892847c2ad79d560bf8f61823463e6890523',
}

describe('the bundled corpus', () => {
  it('keeps the seed texts byte-for-byte as they were scraped', async () => {
    for (const [file, sha] of Object.entries(SEEDS)) {
      const bytes = await readFile(path.join(root, 'corpus', file))
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sha)
    }
  })

  it('leaves unknown metadata null: no outlet or URL for the unverified column', async () => {
    const sources = await readSources(path.join(root, 'corpus'))
    const column = sources.articles.find((a) => a.file === 'raw/003_59d9113b8196ce96.txt')
    expect(column).toMatchObject({ outlet: null, sourceUrl: null })
    const nikkei = sources.articles.find((a) => a.file === 'raw/000_80f71aebbeb0d8b4.txt')
    expect(nikkei).toMatchObject({ outlet: 'Nikkei Asia', published: null })
  })
})

describe('reading raw files', () => {
  it('refuses bytes that are not UTF-8 instead of guessing an encoding', () => {
    expect(() => decodeUtf8(new Uint8Array([0x43, 0x61, 0x66, 0xe9]))).toThrow(IngestError)
    expect(() => decodeUtf8(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toThrow(/not valid UTF-8/)
  })

  it('drops a byte-order mark and keeps everything else', () => {
    expect(decodeUtf8(new TextEncoder().encode('\ufeffHeadline'))).toBe('Headline')
  })

  it('refuses an empty file', () => {
    expect(() => sourceText(new Uint8Array(), 'empty.txt')).toThrow(/empty/)
  })
})

describe('describeCrash', () => {
  it('says the reader failed, with the exception’s own first line, not a stack trace', () => {
    const error = new TypeError('Cannot read properties of undefined\n    at parse (cssom.js:1:1)')
    expect(describeCrash(error)).toBe(
      'the reader failed on it (TypeError: Cannot read properties of undefined)',
    )
  })

  it('calls a stack overflow what it usually is in a page: markup nested too deeply', () => {
    expect(describeCrash(new RangeError('Maximum call stack size exceeded'))).toMatch(
      /ran out of stack .*nested too deeply/,
    )
  })
})

describe('a saved page', () => {
  const page = (body: string) =>
    new TextEncoder().encode(
      `<!doctype html><html><head><meta charset="utf-8"><title>Will the river hold? | Valley Post</title>
<meta property="og:title" content="Will the river hold?"><meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-03-05T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>Will the river hold?</h1>${body}</article></body></html>`,
    )
  const paragraphs = [
    '<p>The river rose another metre overnight, and engineers spent the night checking the old levee.</p>',
    '<p>Volunteers filled sandbags in the market square until dawn, working in two shifts.</p>',
    '<h2>Monday</h2><p>Breakfast at the shelter.</p><p>Sandbags along the east bank until noon.</p>',
    '<h2>Tuesday</h2><p>Breakfast at the shelter.</p><p>Sandbags along the west bank until noon.</p>',
  ].join('')

  it('keeps the headline the page states and lines that legitimately repeat', () => {
    const source = sourceText(page(paragraphs), 'river.html')
    const article = articleFromSource(source, { storyId: null, outlet: source.siteName, sourceUrl: null })
    expect(article.headline).toBe('Will the river hold?')
    expect(article.outlet).toBe('Valley Post')
    expect(article.published).toBe('2024-03-05')
    const text = article.paragraphs.map((p) => p.text)
    expect(text).toContain('Monday')
    expect(text).toContain('Tuesday')
    expect(text.filter((t) => t === 'Breakfast at the shelter.')).toHaveLength(2)
    expect(text.join(' ')).not.toMatch(/\bHome\b/)
  })

  it('a page with no article is refused with a reason, not built from its menus', () => {
    expect(() =>
      articleFromSource(sourceText(page(''), 'empty.html'), { storyId: null, outlet: null, sourceUrl: null }),
    ).toThrow(IngestError)
  })
})
