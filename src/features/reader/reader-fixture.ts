import type { Article, Quote, Speaker } from '../../core/schema'

/**
 * A made-up article for tests, shaped unlike the seeds: a kicker, a deck with a scare quote, a byline,
 * dateline and caption, quotes by three people and one nobody is named for, a quote inside a quote, and
 * text with an emoji (a surrogate pair) and markup that must stay text.
 */
const paragraphs = [
  {
    id: 'p1',
    text: 'HARBOUR CITY — Dock workers walked out on Monday, the union said, after talks collapsed.',
  },
  {
    id: 'p2',
    text: '"We will not go back until the port listens," said Mara Quinn, the union\'s chair. "Not one ship."',
  },
  {
    id: 'p3',
    text: 'The port authority called the strike "deeply regrettable" in a statement 🚢 on its website.',
  },
  {
    id: 'p4',
    text: 'Mayor Tomas Reyes said: "I told them, \'keep talking\', and I meant it." <script>alert(1)</script>',
  },
  { id: 'p5', text: '"Nobody wins a long strike," one shipping agent said, declining to be named.' },
]

const speakers: Speaker[] = [
  { id: 'mara-quinn', name: 'Mara Quinn', role: "the union's chair" },
  { id: 'tomas-reyes', name: 'Tomas Reyes', role: 'mayor' },
  { id: 'port-authority', name: 'Port authority', role: null },
]

function quoteOf(
  id: string,
  paragraphId: string,
  words: string,
  speakerId: string | null,
  kind: Quote['kind'] = 'full',
): Quote {
  const text = [...paragraphs, { id: 'deck', text: deck }].find((p) => p.id === paragraphId)!.text
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`fixture: "${words}" not in ${paragraphId}`)
  return {
    id,
    paragraphId,
    start,
    end: start + words.length,
    text: words,
    kind,
    speakerId,
    confidence: speakerId ? 0.9 : 0,
    cue: speakerId ? { text: 'said', verb: 'said', paragraphId, start: 0, end: 0, method: 'name' } : null,
  }
}

const deck = 'The union calls it a "last resort"; the port says it is "regrettable"'

export const fixtureQuotes: Quote[] = [
  quoteOf('q1', 'deck', 'last resort', 'mara-quinn', 'scare'),
  quoteOf('q2', 'p2', 'We will not go back until the port listens,', 'mara-quinn'),
  quoteOf('q3', 'p2', 'Not one ship.', 'mara-quinn'),
  quoteOf('q4', 'p3', 'deeply regrettable', 'port-authority', 'partial'),
  quoteOf('q5', 'p4', "I told them, 'keep talking', and I meant it.", 'tomas-reyes'),
  // A quote inside the mayor's quote: what he says he told them.
  quoteOf('q6', 'p4', 'keep talking', 'tomas-reyes', 'partial'),
  quoteOf('q7', 'p5', 'Nobody wins a long strike,', null),
]

export function fixtureArticle(overrides: Partial<Article> = {}): Article {
  return {
    schemaVersion: 1,
    id: 'harbour-strike',
    storyId: 'harbour-strike-story',
    outlet: 'Harbour Times',
    kicker: 'Labour',
    headline: 'Dock workers strike as port talks fail',
    deck,
    byline: 'Ana Lee',
    dateline: 'HARBOUR CITY',
    published: '2024-03-04',
    sourceUrl: 'https://example.org/news/harbour-strike',
    caption: { text: 'Pickets at the north gate.', credit: 'Photo by Sam Ortiz' },
    paragraphs,
    sentences: [],
    quotes: fixtureQuotes,
    speakers,
    entities: [],
    wordCount: 84,
    ...overrides,
  }
}
