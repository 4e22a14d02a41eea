/**
 * A corpus built from XSS payloads by the REAL ingest pipeline: each payload is embedded in realistic raw
 * article text — kicker, headline, deck, photo caption with credit, byline, dateline, body sentences, direct
 * quotes and the names of the people quoted — and `buildArticle` turns that into articles, an index, search
 * documents and comparisons, all validated against the data contract. The tests then serve this in place of
 * the bundled data and check that every view shows the payloads as text.
 *
 * Two shapes, because the pipeline rightly treats text full of tags as an HTML scrape and strips the markup:
 * - `prose`: one payload per article, in one place (kicker, headline, deck, caption, byline, body, a quote,
 *   a speaker's name, rotating), the way a news story quotes a line of code — the payload must survive as
 *   text, word for word;
 * - `dense`: six payloads per article in every place at once — markup soup; whatever survives must still
 *   be shown only as text.
 */
import { alignArticles } from '../../src/core/align'
import { buildArticle } from '../../src/core/pipeline'
import {
  articleSchema,
  comparisonSchema,
  indexSchema,
  searchDocumentsSchema,
  SCHEMA_VERSION,
  type Article,
  type ArticleIndex,
  type Comparison,
  type SearchDocument,
} from '../../src/core/schema'

export type HostileCorpus = {
  index: ArticleIndex
  articles: Article[]
  search: SearchDocument[]
  comparisons: Comparison[]
  /** Which payloads each article was built from, by article id. */
  payloadsOf: Map<string, string[]>
}

/** The places a prose article can carry its one payload. */
export const payloadPlaces = [
  'kicker',
  'headline',
  'deck',
  'caption',
  'byline',
  'body',
  'quote',
  'speaker',
] as const

/** Raw text of an ordinary news article with `payload` in one place (`payloadPlaces[n % 8]`). */
export function proseRawArticle(payload: string, n: number): string {
  const place = payloadPlaces[n % payloadPlaces.length]!
  const here = (p: (typeof payloadPlaces)[number], otherwise: string) => (p === place ? payload : otherwise)
  return [
    here('kicker', 'City Hall'),
    `Council approves harbour budget ${place === 'headline' ? `after ${payload} row` : `in split vote (${n})`}`,
    `Opposition says the vote ${place === 'deck' ? `on ${payload} was rushed` : 'was rushed'} as unions threaten strikes`,
    `Council members vote in the chamber on Tuesday. (Photo by ${here('caption', 'Rui Costa')})`,
    `By ${here('byline', 'Maria Okafor')}`,
    `LISBON — The city council on Tuesday approved a harbour budget of 40 million euros after a long debate${place === 'body' ? ` in which one member read out ${payload} to make a point about the city's website` : ''}.`,
    `"We will not be pushed around by ${place === 'quote' ? payload : 'the port lobby'}," said ${here('speaker', 'Jonas Berg')}, the council's finance chair, after the vote.`,
    `Mayor Ana Ferreira said the budget was "the fairest we could agree on."`,
    `"The harbour needs this money now," Ferreira said. "Every month we wait costs the city."`,
    `The council will meet again on Friday to discuss the dredging contract.`,
  ].join('\n\n')
}

/** Raw text carrying six payloads in every place at once. */
export function denseRawArticle(p: readonly string[], n: number): string {
  const at = (i: number) => p[i % p.length]!
  return [
    `City Hall ${at(0)}`,
    `Council approves harbour budget after ${at(1)} row`,
    `Opposition says the vote on ${at(2)} was rushed as unions threaten strikes`,
    `Council members vote in the chamber on Tuesday. ${at(3)} (Photo by ${at(4)})`,
    `By ${at(5)} and Maria Okafor`,
    `LISBON — The city council on Tuesday approved a harbour budget of 40 million euros after a debate in which one member read out ${at(0)} to make a point about the city's website. Article ${n}.`,
    `"We will not be pushed around by ${at(1)}," said ${at(2)}, the council's finance chair, after the vote.`,
    `Mayor Ana Ferreira said the budget was "the fairest we could agree on, ${at(3)} or not."`,
    `Opposition leader Jonas Berg called the process ${at(4)} and said his party would appeal. "This is not over," Berg said.`,
    `The budget includes ${at(5)} for dredging, according to a council statement.`,
    at(0),
    `"${at(1)}" was written on a banner outside the chamber, witnesses said.`,
    `"The harbour needs this money now," Ferreira said. "Every month we wait costs the city."`,
    `Critics said the fine print, including a clause headed ${at(2)}, had not been published before the vote.`,
    `The council will meet again on Friday to discuss ${at(3)}.`,
  ].join('\n\n')
}

const chunk = <T>(list: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size))

/**
 * Builds everything the app reads from the payloads: articles (prose: one per payload; dense: six per
 * article), stories of two articles each, the index, search documents and each story's comparison.
 */
export function hostileCorpus(payloads: readonly string[], shape: 'prose' | 'dense'): HostileCorpus {
  const groups = shape === 'prose' ? payloads.map((p) => [p]) : chunk(payloads, 6)
  const payloadsOf = new Map<string, string[]>()
  const articles = groups.map((group, i) => {
    const id = `${shape}-${i + 1}`
    payloadsOf.set(id, [...group])
    const raw = shape === 'prose' ? proseRawArticle(group[0]!, i) : denseRawArticle(group, i + 1)
    return articleSchema.parse(
      buildArticle(raw, {
        id,
        // The outlet name is metadata, not text; in the dense shape it carries a payload too.
        outlet: shape === 'dense' ? `Harbour ${group[0]} Times` : `Harbour Times ${(i % 2) + 1}`,
        sourceUrl: i % 2 === 0 ? 'https://example.org/harbour-budget' : null,
        storyId: `${shape}-story-${Math.floor(i / 2) + 1}`,
        published: '2024-03-05',
      }),
    )
  })
  const storyIds = [...new Set(articles.map((a) => a.storyId!))]
  const index = indexSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    stories: storyIds.map((id, i) => ({
      id,
      title:
        shape === 'dense' ? `Harbour budget ${payloads[i % payloads.length]}` : `Harbour budget ${i + 1}`,
      date: '2024-03-05',
      articleIds: articles.filter((a) => a.storyId === id).map((a) => a.id),
    })),
    articles: articles.map((a) => ({
      id: a.id,
      storyId: a.storyId,
      outlet: a.outlet,
      kicker: a.kicker,
      headline: a.headline,
      deck: a.deck,
      byline: a.byline,
      published: a.published,
      wordCount: a.wordCount,
      quoteCount: a.quotes.length,
      speakers: a.speakers.map((s) => s.name),
    })),
  })
  const search = searchDocumentsSchema.parse(
    articles.map((a) => ({
      id: a.id,
      headline: a.headline,
      deck: a.deck ?? '',
      body: a.paragraphs
        .filter((p) => /^p\d+$/.test(p.id))
        .map((p) => p.text)
        .join('\n\n'),
    })),
  )
  const comparisons = chunk(articles, 2)
    .filter((pair) => pair.length === 2)
    .map(([left, right]) => comparisonSchema.parse(alignArticles(left!, right!)))
  return { index, articles, search, comparisons, payloadsOf }
}

/** Everything an article shows as text, in `comparable` form is up to the caller. */
export function articleText(a: Article): string {
  return [
    a.outlet,
    a.kicker,
    a.headline,
    a.deck,
    a.byline,
    a.dateline,
    a.caption?.text,
    a.caption?.credit,
    ...a.paragraphs.map((p) => p.text),
    ...a.speakers.flatMap((s) => [s.name, s.role]),
  ]
    .filter(Boolean)
    .join(' \n ')
}
