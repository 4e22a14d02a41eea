import { describe, expect, it } from 'vitest'
import { toCsv } from '../../lib/csv'
import { analyseArticleQuotes } from './article-quotes'
import { quoteCitation, quoteRows } from './citation'
import { fixtureArticle, fixtureQuotes } from './reader-fixture'

const link = (id: string) => `https://example.test/article/harbour-strike?quote=${id}`

describe('citing a quote', () => {
  it('gives the words, the speaker and role, outlet, headline, date and a link back to the quote', () => {
    const q = fixtureQuotes[1]!
    expect(
      quoteCitation(q, { name: 'Mara Quinn', role: "the union's chair" }, fixtureArticle(), link(q.id)),
    ).toBe(
      "“We will not go back until the port listens,” — Mara Quinn, the union's chair. Harbour Times, " +
        '“Dock workers strike as port talks fail”, 4 March 2024. https://example.test/article/harbour-strike?quote=q2',
    )
  })

  it('leaves out what the article does not state instead of printing empty places', () => {
    const q = { ...fixtureQuotes[6]!, text: 'Nobody  wins\na long strike,' }
    const article = fixtureArticle({ outlet: null, published: null })
    expect(quoteCitation(q, { name: 'Unknown speaker', role: null }, article, link(q.id))).toBe(
      '“Nobody wins a long strike,” — Unknown speaker. “Dock workers strike as port talks fail”. ' +
        'https://example.test/article/harbour-strike?quote=q7',
    )
  })
})

describe('an article’s quotes as spreadsheet rows', () => {
  it('has a header and one row per quote in reading order, with speaker, place and link', () => {
    const article = fixtureArticle()
    const quotes = analyseArticleQuotes(article)
    const rows = quoteRows(article, quotes.order, (id) => quotes.groupOf.get(id), link)
    expect(rows[0]).toEqual([
      'Quote',
      'Speaker',
      'Role',
      'Kind',
      'Where',
      'Outlet',
      'Headline',
      'Published',
      'Link',
    ])
    expect(rows).toHaveLength(fixtureQuotes.length + 1)
    expect(rows[1]).toEqual([
      'last resort',
      'Mara Quinn',
      "the union's chair",
      'scare',
      'deck',
      'Harbour Times',
      'Dock workers strike as port talks fail',
      '2024-03-04',
      link('q1'),
    ])
    expect(rows.at(-1)?.slice(0, 5)).toEqual([
      'Nobody wins a long strike,',
      'Unknown speaker',
      '',
      'full',
      'paragraph 5',
    ])
  })

  it('turns into CSV where a quote that looks like a formula stays text', () => {
    const article = fixtureArticle()
    const q = { ...fixtureQuotes[1]!, text: '=1+1, they said' }
    const csv = toCsv(quoteRows(article, [q], () => ({ name: 'Mara Quinn', role: null }), link))
    expect(csv.split('\r\n')[1]).toBe(
      `"'=1+1, they said",Mara Quinn,,full,paragraph 2,Harbour Times,Dock workers strike as port talks fail,2024-03-04,${link('q2')}`,
    )
  })
})
