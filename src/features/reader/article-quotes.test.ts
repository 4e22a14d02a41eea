import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { articleSchema } from '../../core/schema'
import { analyseArticleQuotes, UNKNOWN_SPEAKER } from './article-quotes'
import { fixtureArticle, fixtureQuotes } from './reader-fixture'

describe('analyseArticleQuotes', () => {
  it('uses a fixture that is valid under the data contract', () => {
    expect(v.is(articleSchema, fixtureArticle())).toBe(true)
  })

  it('lists people by number of quotes, with the unattributed quotes last as "Unknown speaker"', () => {
    const { groups } = analyseArticleQuotes(fixtureArticle())
    expect(groups.map((g) => [g.name, g.quotes.length])).toEqual([
      ['Mara Quinn', 3],
      ['Tomas Reyes', 2],
      ['Port authority', 1],
      ['Unknown speaker', 1],
    ])
    expect(groups.at(-1)?.id).toBe(UNKNOWN_SPEAKER)
  })

  it('gives each person a distinct colour and the unknown group the neutral one', () => {
    const { groups } = analyseArticleQuotes(fixtureArticle())
    expect(groups.map((g) => g.colour)).toEqual([1, 2, 3, 0])
  })

  it('orders quotes as they are read: headline, deck, then paragraphs', () => {
    const { order } = analyseArticleQuotes(fixtureArticle())
    expect(order.map((q) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7'])
  })

  it('puts a quote whose speaker id is not among the speakers with the unknown ones', () => {
    const quotes = fixtureQuotes.map((q) => (q.id === 'q4' ? { ...q, speakerId: 'nobody-listed' } : q))
    const { groupOf } = analyseArticleQuotes(fixtureArticle({ quotes }))
    expect(groupOf.get('q4')?.id).toBe(UNKNOWN_SPEAKER)
  })

  it('keeps quotes that cannot be placed in the list, but out of the reading order', () => {
    const broken = { ...fixtureQuotes[1]!, id: 'q8', start: 500, end: 520 }
    const result = analyseArticleQuotes(fixtureArticle({ quotes: [...fixtureQuotes, broken] }))
    expect(result.order.map((q) => q.id)).not.toContain('q8')
    expect(result.unplaced.map((q) => q.id)).toEqual(['q8'])
    expect(result.groupOf.get('q8')?.name).toBe('Mara Quinn')
  })
})
