/** Hand-made articles and links for the compare feature's tests; offsets are located in the text. */
import {
  SCHEMA_VERSION,
  type Article,
  type ArticleIndex,
  type ArticleSummary,
  type Comparison,
  type Link,
  type Span,
} from '../../core/schema'

/** Sentences ending in . ! ? (optionally followed by a closing quote), the way the pipeline ids them. */
function sentencesOf(blockId: string, text: string) {
  const out: Article['sentences'] = []
  const re = /[^.!?]+[.!?]+["”’]?/g
  let n = 0
  for (const m of text.matchAll(re)) {
    const lead = m[0].length - m[0].trimStart().length
    const start = (m.index ?? 0) + lead
    const end = (m.index ?? 0) + m[0].trimEnd().length
    if (end > start) out.push({ id: `${blockId}s${++n}`, paragraphId: blockId, start, end })
  }
  return out
}

export function makeArticle(spec: {
  id: string
  outlet?: string | null
  headline: string
  deck?: string | null
  paragraphs: string[]
  withSentences?: boolean
}): Article {
  const paragraphs = spec.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))
  const withSentences = spec.withSentences ?? true
  return {
    schemaVersion: SCHEMA_VERSION,
    id: spec.id,
    storyId: null,
    outlet: spec.outlet ?? null,
    kicker: null,
    headline: spec.headline,
    deck: spec.deck ?? null,
    byline: null,
    dateline: null,
    published: null,
    sourceUrl: null,
    caption: null,
    paragraphs,
    sentences: withSentences
      ? [
          ...sentencesOf('headline', spec.headline),
          ...(spec.deck ? sentencesOf('deck', spec.deck) : []),
          ...paragraphs.flatMap((p) => sentencesOf(p.id, p.text)),
        ]
      : [],
    quotes: [],
    speakers: [],
    entities: [],
    wordCount: paragraphs.reduce((n, p) => n + p.text.split(/\s+/).length, 0),
  }
}

export function spanOf(article: Article, blockId: string, words: string): Span {
  const text =
    blockId === 'headline'
      ? article.headline
      : blockId === 'deck'
        ? (article.deck ?? '')
        : (article.paragraphs.find((p) => p.id === blockId)?.text ?? '')
  const start = text.indexOf(words)
  if (start < 0) throw new Error(`"${words}" is not in ${article.id}/${blockId}`)
  return { paragraphId: blockId, start, end: start + words.length }
}

export function makeLink(id: string, left: Span, right: Span, kind: Link['kind'], score = 0.8): Link {
  return {
    id,
    left,
    right,
    kind,
    score,
    evidence: {
      sharedTerms: ['bridg', 'rebuild'],
      sharedEntities: ['Riverside'],
      sharedNumbers: ['7'],
      quoteOverlap: null,
      note: 'Both report the vote.',
    },
  }
}

export function makeComparison(
  left: Article,
  right: Article,
  links: Link[],
  onlyLeft: Span[] = [],
  onlyRight: Span[] = [],
): Comparison {
  return { schemaVersion: SCHEMA_VERSION, leftId: left.id, rightId: right.id, links, onlyLeft, onlyRight }
}

export const gazette = makeArticle({
  id: 'gazette-bridge',
  outlet: 'Riverside Gazette',
  headline: 'Council votes to rebuild Old Mill Bridge',
  deck: 'The mayor promises the work before winter.',
  paragraphs: [
    'The council voted 7-2 on Monday to rebuild the bridge. The meeting lasted four hours.',
    '"We will rebuild this bridge before the first snow, whatever it costs," Mayor Ana Ortiz said.',
    'Engineers from Lakeside University will advise the city.',
  ],
})

export const courier = makeArticle({
  id: 'courier-bridge',
  outlet: 'Valley Courier',
  headline: 'Bridge rebuild approved',
  paragraphs: [
    'Councillors approved the reconstruction by seven votes to two.',
    'Ortiz vowed to finish "before the first snow, whatever it costs." Residents cheered.',
  ],
})

/** Links: the vote (fact), the quote (same quote, fragment on the right), headline to headline (fact). */
export function bridgeComparison(): Comparison {
  return makeComparison(
    gazette,
    courier,
    [
      // Deliberately out of reading order: the view must order them itself.
      makeLink(
        'l2',
        spanOf(
          gazette,
          'p2',
          '"We will rebuild this bridge before the first snow, whatever it costs," Mayor Ana Ortiz said.',
        ),
        spanOf(courier, 'p2', 'before the first snow, whatever it costs.'),
        'same-quote',
        0.95,
      ),
      makeLink(
        'l1',
        spanOf(gazette, 'p1', 'The council voted 7-2 on Monday to rebuild the bridge.'),
        spanOf(courier, 'p1', 'Councillors approved the reconstruction by seven votes to two.'),
        'same-fact',
        0.7,
      ),
      makeLink(
        'l3',
        spanOf(gazette, 'headline', 'Council votes to rebuild Old Mill Bridge'),
        spanOf(courier, 'headline', 'Bridge rebuild approved'),
        'same-fact',
        0.55,
      ),
    ],
    [
      spanOf(gazette, 'p1', 'The meeting lasted four hours.'),
      spanOf(gazette, 'p3', 'Engineers from Lakeside University will advise the city.'),
    ],
    [spanOf(courier, 'p2', 'Residents cheered.')],
  )
}

const summaryOf = (
  id: string,
  outlet: string | null,
  headline: string,
  storyId: string | null,
): ArticleSummary => ({
  id,
  storyId,
  outlet,
  kicker: null,
  headline,
  deck: null,
  byline: null,
  published: null,
  wordCount: 100,
  quoteCount: 0,
  speakers: [],
})

/** `stories` stories of two articles each (a Herald and a Courier), then `loose` articles in no story. */
export function bigIndex(stories: number, loose = 0): ArticleIndex {
  const index: ArticleIndex = { schemaVersion: SCHEMA_VERSION, stories: [], articles: [] }
  for (let s = 1; s <= stories; s++) {
    const ids = [`s${s}-herald`, `s${s}-courier`]
    index.stories.push({ id: `story-${s}`, title: `Story number ${s}`, date: null, articleIds: ids })
    index.articles.push(summaryOf(ids[0]!, 'Herald', `Council vote ${s}`, `story-${s}`))
    index.articles.push(summaryOf(ids[1]!, 'Courier', `Vote in council, part ${s}`, `story-${s}`))
  }
  for (let n = 1; n <= loose; n++) index.articles.push(summaryOf(`loose-${n}`, null, `Loose item ${n}`, null))
  return index
}
