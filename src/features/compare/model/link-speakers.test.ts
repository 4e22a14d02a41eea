import { describe, expect, it } from 'vitest'
import type { Article, Quote } from '../../../core/schema'
import { speakersIn } from './link-speakers'
import { makeArticle } from '../test-fixtures'

function withQuotes(
  article: Article,
  quotes: { p: string; text: string; speaker: string | null }[],
): Article {
  const textOf = (id: string) => article.paragraphs.find((p) => p.id === id)?.text ?? ''
  const names = [...new Set(quotes.map((q) => q.speaker).filter((s) => s !== null))]
  const id = (name: string) => name.toLowerCase().replace(/\W+/g, '-')
  return {
    ...article,
    quotes: quotes.map((q, i): Quote => {
      const start = textOf(q.p).indexOf(q.text)
      return {
        id: `q${i + 1}`,
        paragraphId: q.p,
        start,
        end: start + q.text.length,
        text: q.text,
        kind: 'full',
        speakerId: q.speaker === null ? null : id(q.speaker),
        confidence: 0.9,
        cue: null,
      }
    }),
    speakers: names.map((name) => ({ id: id(name), name, role: null })),
  }
}

const harbour = withQuotes(
  makeArticle({
    id: 'harbour',
    headline: 'Harbour wall to be raised',
    paragraphs: [
      'The wall will rise by a metre. "We cannot wait for the next storm," said Lena Ortiz. "Work starts in May," added Tom Reyes.',
      '"It is overdue," a resident said.',
    ],
  }),
  [
    { p: 'p1', text: 'We cannot wait for the next storm,', speaker: 'Lena Ortiz' },
    { p: 'p1', text: 'Work starts in May,', speaker: 'Tom Reyes' },
    { p: 'p2', text: 'It is overdue,', speaker: null },
  ],
)

describe('who said the quotations in a linked passage', () => {
  it('names the speaker of each quote inside the passage, in reading order', () => {
    const text = harbour.paragraphs[0]!.text
    const span = { paragraphId: 'p1', start: text.indexOf('"We'), end: text.length }
    expect(speakersIn(harbour, span)).toEqual(['Lena Ortiz', 'Tom Reyes'])
  })

  it('names nobody for a passage without quotes or with an unattributed one', () => {
    expect(speakersIn(harbour, { paragraphId: 'p1', start: 0, end: 29 })).toEqual([])
    expect(speakersIn(harbour, { paragraphId: 'p2', start: 0, end: 33 })).toEqual([])
  })
})
