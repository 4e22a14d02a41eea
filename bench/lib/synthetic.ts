/**
 * SYNTHETIC data for the browser benchmarks, labelled as such wherever it is reported: a 10,000-article corpus
 * for the library (index.json and search.json), article bodies on demand, and pairs of long articles about the
 * same event for the comparison. Deterministic (seeded), and always validated against the data contract, so a
 * change to the schema breaks the bench loudly instead of measuring a page that shows an error.
 *
 * Articles are written as raw text and run through the real ingest pipeline (`buildArticle`), so their quotes,
 * speakers and entities are whatever the pipeline finds — as they would be for real scraped text.
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
  type ArticleSummary,
  type Comparison,
  type SearchDocument,
  type Story,
} from '../../src/core/schema'

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

const firstNames = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Elif',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yara',
  'Zofia',
]
const lastNames = [
  'Abara',
  'Berg',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fujita',
  'Garcia',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quispe',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Yilmaz',
  'Zhou',
]
const roles = [
  'the finance minister',
  'the mayor',
  'a spokesperson for the ministry',
  'the union leader',
  'the chief economist',
  'the opposition leader',
  'the prime minister',
  'the health commissioner',
  'a senior diplomat',
  'the company chief executive',
]
const places = [
  'Lisbon',
  'Nairobi',
  'Osaka',
  'Lima',
  'Krakow',
  'Accra',
  'Hanoi',
  'Tallinn',
  'Recife',
  'Tbilisi',
  'Auckland',
  'Rabat',
  'Izmir',
  'Cebu',
  'Quito',
]
const orgs = [
  'the Central Bank',
  'the Port Authority',
  'the Health Ministry',
  'the Transport Union',
  'the Energy Council',
  'the Housing Agency',
  'the Water Board',
  'the Trade Commission',
  'the Rail Operator',
  'the Weather Service',
]
const outlets = [
  'Harbour Times',
  'The Daily Ledger',
  'Northern Herald',
  'Coastal Post',
  'Metro Courier',
  'The Evening Star',
  'Plains Gazette',
  'Island Chronicle',
  'Valley Observer',
  'Capital Dispatch',
  'Riverside Record',
  'The Morning Wire',
  'Southern Tribune',
  'Highland Mercury',
  'Bay Bulletin',
  'Frontier Journal',
  'Old Town Review',
  'Lakeside News',
  'Border Sentinel',
  'Union Examiner',
]
const kickers = [
  'Economy',
  'Politics',
  'Climate',
  'Health',
  'Transport',
  'Housing',
  'World',
  'Business',
  'Science',
  'Labour',
]
const nouns = [
  'budget',
  'strike',
  'flood defences',
  'rail line',
  'vaccine programme',
  'housing plan',
  'port expansion',
  'tax reform',
  'water tariff',
  'trade deal',
  'wage talks',
  'power grid',
]
const verbs = [
  'approved',
  'delayed',
  'rejected',
  'expanded',
  'cut back',
  'put on hold',
  'revived',
  'challenged in court',
]
const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const months = ['January', 'March', 'May', 'July', 'September', 'November']
const fillers = [
  'Residents said they had not been consulted before the decision.',
  'Analysts expect the figures to be revised next quarter.',
  'The plan has been debated for more than two years.',
  'Critics argue the costs were underestimated from the start.',
  'Local businesses have asked for clearer timelines.',
  'The council will publish the full report later this month.',
  'Similar measures were tried a decade ago with mixed results.',
  'Officials declined to give a detailed breakdown of the spending.',
]

const person = (rng: Rng) => `${pick(rng, firstNames)} ${pick(rng, lastNames)}`

function sentence(rng: Rng): string {
  switch (int(rng, 0, 3)) {
    case 0:
      return `${cap(pick(rng, orgs))} in ${pick(rng, places)} said on ${pick(rng, weekdays)} that the ${pick(rng, nouns)} would be ${pick(rng, verbs)} by ${pick(rng, months)}.`
    case 1:
      return `About ${int(rng, 2, 900) * 10} people joined the protest over the ${pick(rng, nouns)} in ${pick(rng, places)}.`
    case 2:
      return `The ${pick(rng, nouns)} will cost ${int(rng, 2, 95)} million dollars, according to ${pick(rng, orgs)}.`
    default:
      return pick(rng, fillers)
  }
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A synthetic 10,000-article library: index.json (metadata only, as the contract says) and search.json. */
export function syntheticCorpus(
  count = 10_000,
  seed = 10_000,
): { index: ArticleIndex; search: SearchDocument[] } {
  const rng = seededRandom(seed)
  const articles: ArticleSummary[] = []
  const stories: Story[] = []
  const search: SearchDocument[] = []
  let n = 0
  while (n < count) {
    const size = Math.min(count - n, pick(rng, [1, 1, 1, 2, 2, 3, 4]))
    const storyNo = stories.length + 1
    const place = pick(rng, places)
    const noun = pick(rng, nouns)
    const year = int(rng, 2012, 2025)
    const date = `${year}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`
    // Singletons stay outside any story, as one-off scraped articles would.
    const storyId = size > 1 ? `synthetic-story-${storyNo}` : null
    const ids: string[] = []
    for (let k = 0; k < size; k++, n++) {
      const id = `synthetic-${n + 1}`
      ids.push(id)
      const speakers = Array.from({ length: int(rng, 0, 5) }, () => person(rng))
      const headline = `${place} ${noun} ${pick(rng, verbs)} as ${pick(rng, orgs)} weighs options (${id})`
      const deck = rng() < 0.8 ? sentence(rng) : null
      articles.push({
        id,
        storyId,
        outlet: rng() < 0.95 ? pick(rng, outlets) : null,
        kicker: rng() < 0.7 ? pick(rng, kickers) : null,
        headline,
        deck,
        byline: rng() < 0.8 ? `By ${person(rng)}` : null,
        published: rng() < 0.9 ? date : null,
        wordCount: int(rng, 250, 1800),
        quoteCount: speakers.length === 0 ? 0 : int(rng, speakers.length, speakers.length * 3),
        speakers: [...new Set(speakers)],
      })
      // ~150 words of body per article: enough for search to have real work, small enough to be plausible.
      const body = Array.from({ length: 8 }, () => sentence(rng)).join(' ')
      search.push({ id, headline, deck: deck ?? '', body })
    }
    if (storyId)
      stories.push({
        id: storyId,
        title: `${place} ${noun} (synthetic story ${storyNo})`,
        date,
        articleIds: ids,
      })
  }
  return {
    index: indexSchema.parse({ schemaVersion: SCHEMA_VERSION, stories, articles }),
    search: searchDocumentsSchema.parse(search),
  }
}

/** Raw scraped-looking text: kicker, headline, deck, byline, then body paragraphs, blank-line separated. */
function rawArticle(parts: {
  kicker: string
  headline: string
  deck: string
  byline: string
  body: string[]
}): string {
  return [parts.kicker, parts.headline, parts.deck, parts.byline, ...parts.body].join('\n\n') + '\n'
}

/** A synthetic article for any id (the library bench opens one), built by the real pipeline. */
export function syntheticArticle(summary: ArticleSummary, seed = 7): Article {
  const rng = seededRandom(seed + summary.wordCount)
  const speakers = summary.speakers.length > 0 ? summary.speakers : [person(rng)]
  const body = Array.from({ length: 14 }, (_, i) =>
    i % 3 === 1
      ? `"${sentence(rng)} ${sentence(rng)}" ${pick(rng, speakers)}, ${pick(rng, roles)}, said.`
      : `${sentence(rng)} ${sentence(rng)} ${sentence(rng)}`,
  )
  const raw = rawArticle({
    kicker: summary.kicker ?? 'News',
    headline: summary.headline,
    deck: summary.deck ?? sentence(rng),
    byline: summary.byline ?? `By ${person(rng)}`,
    body,
  })
  return articleSchema.parse(
    buildArticle(raw, {
      id: summary.id,
      outlet: summary.outlet,
      sourceUrl: null,
      storyId: summary.storyId,
      published: summary.published,
    }),
  )
}

/** Rewords a sentence without changing what it says (for paraphrase and same-fact links). */
function paraphrase(s: string): string {
  return s
    .replace(/\bsaid on\b/, 'announced on')
    .replace(/\bwould be\b/, 'is set to be')
    .replace(/\bpeople joined\b/, 'demonstrators took part in')
    .replace(/\baccording to\b/, 'figures from')
    .replace(/\bwill cost\b/, 'is expected to cost')
}

/**
 * Two articles of `paragraphs` body paragraphs each about the same synthetic event: shared facts (verbatim and
 * reworded), shared quotes (whole on one side, a fragment on the other), and material only one side has — the
 * mix the comparison view must draw. Returns the articles and their comparison from the real `alignArticles`.
 */
export function syntheticPair(
  paragraphs = 100,
  seed = 42,
): { left: Article; right: Article; comparison: Comparison } {
  const rng = seededRandom(seed)
  const people = Array.from({ length: 8 }, () => ({ name: person(rng), role: pick(rng, roles) }))
  const leftBody: string[] = []
  const rightBody: string[] = []
  for (let i = 0; i < paragraphs; i++) {
    const facts = [sentence(rng), sentence(rng)]
    const who = pick(rng, people)
    const words = `${sentence(rng)} ${sentence(rng)}`
    const fragment = words.split(' ').slice(2, 8).join(' ')
    switch (i % 5) {
      case 0: // the same facts, worded differently
        leftBody.push(facts.join(' '))
        rightBody.push(facts.map(paraphrase).join(' '))
        break
      case 1: // the same quote; the right side quotes only a fragment
        leftBody.push(
          `"${words}" ${who.name}, ${who.role}, said at a news conference in ${pick(rng, places)}.`,
        )
        rightBody.push(`${who.name.split(' ')[1]} said the city would "${fragment}" if nothing changed.`)
        break
      case 2: // only on the left
        leftBody.push(`${sentence(rng)} ${sentence(rng)}`)
        rightBody.push(facts.join(' '))
        break
      case 3: // a direct quote on one side, reported speech on the other
        leftBody.push(`"${facts[0]}" ${who.name} told reporters.`)
        rightBody.push(
          `${who.name} told reporters that ${facts[0]!.charAt(0).toLowerCase()}${facts[0]!.slice(1)}`,
        )
        break
      default: // verbatim agency copy on both sides
        leftBody.push(facts.join(' '))
        rightBody.push(`${facts.join(' ')} ${sentence(rng)}`)
    }
  }
  const event = `${pick(rng, places)} ${pick(rng, nouns)}`
  const left = articleSchema.parse(
    buildArticle(
      rawArticle({
        kicker: 'Politics',
        headline: `Officials split over ${event} (synthetic)`,
        deck: sentence(rng),
        byline: `By ${person(rng)}`,
        body: leftBody,
      }),
      {
        id: 'synthetic-left',
        outlet: 'Synthetic Left Outlet',
        sourceUrl: null,
        storyId: 'synthetic-pair',
        published: '2024-05-02',
      },
    ),
  )
  const right = articleSchema.parse(
    buildArticle(
      rawArticle({
        kicker: 'News',
        headline: `${cap(event)}: what we know (synthetic)`,
        deck: sentence(rng),
        byline: `By ${person(rng)}`,
        body: rightBody,
      }),
      {
        id: 'synthetic-right',
        outlet: 'Synthetic Right Outlet',
        sourceUrl: null,
        storyId: 'synthetic-pair',
        published: '2024-05-02',
      },
    ),
  )
  return { left, right, comparison: comparisonSchema.parse(alignArticles(left, right)) }
}
