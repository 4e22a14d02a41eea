import { describe, expect, it } from 'vitest'
import { buildArticle } from '../core/pipeline'
import { ArticleFingerprints, normaliseRawText } from './fingerprint'

const meta = { outlet: null, sourceUrl: null, storyId: null }
const body = [
  'The harbour board voted on Monday to close the old ferry pier for a year of repairs, ending a service that has run since the war.',
  '“We had no choice once the engineers reported,” said Mara Quill, who chairs the board. “The piles are rotten below the waterline.”',
  'Commuters will use a temporary landing stage at the fish market from next month, the board said in a statement.',
].join('\n\n')
const text = `Ferry pier to close for a year of repairs\n\n${body}\n`

describe('ArticleFingerprints', () => {
  it('knows a copy of a file whatever its line endings, trailing spaces or blank lines', () => {
    const known = new ArticleFingerprints()
    known.add(text, buildArticle(text, meta), { file: 'raw/pier.txt', id: 'pier' })
    const copy = `\uFEFF${text.replace(/\n/g, '  \r\n')}\r\n\r\n\r\n`
    expect(normaliseRawText(copy)).toBe(normaliseRawText(text))
    expect(known.match(copy, buildArticle(copy, meta))).toEqual({
      file: 'raw/pier.txt',
      id: 'pier',
      by: 'raw-text',
    })
  })

  it('knows the same article read from a page with different furniture around it', () => {
    const known = new ArticleFingerprints()
    known.add(text, buildArticle(text, meta), { file: 'raw/pier.txt', id: 'pier' })
    const framed = `Ferry pier to close for a year of repairs\n\n${body}\n\nShare this article\n`
    const article = buildArticle(framed, meta)
    expect(known.match(framed, article)).toMatchObject({ file: 'raw/pier.txt', by: 'article-text' })
  })

  it('tells apart two articles that share a headline but not their text', () => {
    const known = new ArticleFingerprints()
    known.add(text, buildArticle(text, meta), { file: 'raw/pier.txt', id: 'pier' })
    const other = `Ferry pier to close for a year of repairs\n\n${body.replace('Monday', 'Tuesday').replace('a year', 'six months')}\n`
    expect(known.match(other, buildArticle(other, meta))).toBeNull()
  })
})
