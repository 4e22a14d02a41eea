import { describe, expect, it } from 'vitest'
import {
  entitiesOnlyIn,
  quoteShareBySpeaker,
  summariseComparison,
  summariseComparisonInSteps,
} from './compare-summary'
import {
  SCHEMA_VERSION,
  type Article,
  type Comparison,
  type EntityType,
  type Link,
  type Quote,
} from './schema'

type QuoteSpec = { p: string; text: string; speaker: string | null; kind?: Quote['kind'] }
type Spec = {
  id: string
  outlet?: string | null
  headline: string
  deck?: string | null
  paragraphs: string[]
  quotes?: QuoteSpec[]
  entities?: { name: string; type: EntityType }[]
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

/** A hand-made article: quotes and entity mentions are located in the text, so offsets are real. */
function makeArticle(spec: Spec): Article {
  const paragraphs = spec.paragraphs.map((text, i) => ({ id: `p${i + 1}`, text }))
  const textOf = (id: string) =>
    id === 'headline' ? spec.headline : (paragraphs.find((p) => p.id === id)?.text ?? '')
  const speakerNames = [...new Set((spec.quotes ?? []).map((q) => q.speaker).filter((s) => s !== null))]
  const quotes: Quote[] = (spec.quotes ?? []).map((q, i) => {
    const start = textOf(q.p).indexOf(q.text)
    if (start < 0) throw new Error(`quote not in ${q.p}: ${q.text}`)
    return {
      id: `q${i + 1}`,
      paragraphId: q.p,
      start,
      end: start + q.text.length,
      text: q.text,
      kind: q.kind ?? 'full',
      speakerId: q.speaker === null ? null : slug(q.speaker),
      confidence: q.speaker === null ? 0 : 0.9,
      cue: null,
    }
  })
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
    sentences: [],
    quotes,
    speakers: speakerNames.map((name) => ({ id: slug(name), name, role: null })),
    entities: (spec.entities ?? []).map((e) => ({
      id: slug(e.name),
      name: e.name,
      type: e.type,
      mentions: paragraphs.flatMap((p) => {
        const at = p.text.indexOf(e.name)
        return at < 0 ? [] : [{ paragraphId: p.id, start: at, end: at + e.name.length }]
      }),
    })),
    wordCount: paragraphs.reduce((n, p) => n + p.text.split(/\s+/).length, 0),
  }
}

function linkBetween(
  id: string,
  left: Article,
  lp: string,
  lText: string,
  right: Article,
  rp: string,
  rText: string,
  kind: Link['kind'],
): Link {
  const find = (a: Article, p: string, t: string) => {
    const text = a.paragraphs.find((x) => x.id === p)?.text ?? ''
    const start = text.indexOf(t)
    if (start < 0) throw new Error(`${t} not in ${a.id}/${p}`)
    return { paragraphId: p, start, end: start + t.length }
  }
  return {
    id,
    left: find(left, lp, lText),
    right: find(right, rp, rText),
    kind,
    score: 0.8,
    evidence: { sharedTerms: [], sharedEntities: [], sharedNumbers: [], quoteOverlap: null, note: '' },
  }
}

const comparison = (left: Article, right: Article, links: Link[]): Comparison => ({
  schemaVersion: SCHEMA_VERSION,
  leftId: left.id,
  rightId: right.id,
  links,
  onlyLeft: [],
  onlyRight: [],
})

// A third story, unlike the seeds: a city council and a bridge.
const gazette = makeArticle({
  id: 'gazette-bridge',
  outlet: 'Riverside Gazette',
  headline: 'Council votes to rebuild Old Mill Bridge before winter',
  deck: 'Mayor Ana Ortiz promises the work will be paid for without new taxes',
  paragraphs: [
    'The Riverside city council voted 7-2 on Monday to rebuild the Old Mill Bridge.',
    '"We will rebuild this bridge before the first snow, whatever it costs," Mayor Ana Ortiz said after the vote.',
    'Councillor Ben Okafor, who voted against, said "the numbers simply do not add up."',
    'Ortiz added: "Nobody in this town should have to drive forty minutes to reach the hospital."',
    'The Department of Transport will review the plans, and engineers from Lakeside University will advise.',
  ],
  quotes: [
    {
      p: 'p2',
      text: 'We will rebuild this bridge before the first snow, whatever it costs,',
      speaker: 'Ana Ortiz',
    },
    { p: 'p3', text: 'the numbers simply do not add up.', speaker: 'Ben Okafor' },
    {
      p: 'p4',
      text: 'Nobody in this town should have to drive forty minutes to reach the hospital.',
      speaker: 'Ana Ortiz',
    },
  ],
  entities: [
    { name: 'Ana Ortiz', type: 'person' },
    { name: 'Ben Okafor', type: 'person' },
    { name: 'Riverside', type: 'place' },
    { name: 'Department of Transport', type: 'organization' },
    { name: 'Lakeside University', type: 'organization' },
  ],
})

const courier = makeArticle({
  id: 'courier-bridge',
  outlet: 'Valley Courier',
  headline: 'Bridge rebuild approved',
  paragraphs: [
    'Councillors in Riverside approved the reconstruction of the bridge by seven votes to two.',
    'Ortiz vowed to finish "before the first snow, whatever it costs."',
    'The mayor said no resident should face a forty-minute drive to the hospital.',
    'Opponents worried about the cost. "This is a blank cheque," said resident Carla Wu.',
    'Unidentified voices in the gallery shouted "shame on you" as the vote was read.',
  ],
  quotes: [
    { p: 'p2', text: 'before the first snow, whatever it costs.', speaker: 'Ana Ortiz' },
    { p: 'p4', text: 'This is a blank cheque,', speaker: 'Carla Wu' },
    { p: 'p5', text: 'shame on you', speaker: null, kind: 'partial' },
  ],
  entities: [
    { name: 'Riverside', type: 'place' },
    { name: 'Carla Wu', type: 'person' },
    { name: 'Ortiz', type: 'person' },
  ],
})

describe('shared quotes', () => {
  const links = [
    linkBetween(
      'l1',
      gazette,
      'p2',
      '"We will rebuild this bridge before the first snow, whatever it costs," Mayor Ana Ortiz said after the vote.',
      courier,
      'p2',
      'Ortiz vowed to finish "before the first snow, whatever it costs."',
      'same-quote',
    ),
    linkBetween(
      'l2',
      gazette,
      'p4',
      'Ortiz added: "Nobody in this town should have to drive forty minutes to reach the hospital."',
      courier,
      'p3',
      'The mayor said no resident should face a forty-minute drive to the hospital.',
      'paraphrase',
    ),
    linkBetween(
      'l3',
      gazette,
      'p1',
      'The Riverside city council voted 7-2 on Monday to rebuild the Old Mill Bridge.',
      courier,
      'p1',
      'Councillors in Riverside approved the reconstruction of the bridge by seven votes to two.',
      'same-fact',
    ),
  ]
  const summary = summariseComparison(gazette, courier, comparison(gazette, courier, links))

  it('shows a quote one outlet cut short as trimmed, naming the words it left out', () => {
    const trimmed = summary.sharedQuotes.find((q) => q.linkId === 'l1')
    expect(trimmed?.fidelity).toBe('trimmed')
    expect(trimmed?.left).toMatchObject({ quoted: true, speaker: 'Ana Ortiz' })
    expect(trimmed?.right.text).toBe('before the first snow, whatever it costs.')
    expect(trimmed?.ops.filter((op) => op.type === 'removed').map((op) => op.text)).toEqual([
      'We will rebuild this bridge',
    ])
  })

  it('shows a quote the other outlet only reported in its own words as paraphrased', () => {
    const paraphrased = summary.sharedQuotes.find((q) => q.linkId === 'l2')
    expect(paraphrased?.fidelity).toBe('paraphrased')
    expect(paraphrased?.left.quoted).toBe(true)
    expect(paraphrased?.right).toMatchObject({ quoted: false, text: courier.paragraphs[2]?.text })
  })

  it('does not list a fact both report as a shared quote when neither quotes anyone there', () => {
    expect(summary.sharedQuotes.map((q) => q.linkId)).toEqual(['l1', 'l2'])
  })

  it('shows identical wording as verbatim', () => {
    const a = makeArticle({
      id: 'a',
      headline: 'A',
      paragraphs: ['"Shame on you," shouted a resident.'],
      quotes: [{ p: 'p1', text: 'Shame on you,', speaker: null }],
    })
    const b = makeArticle({
      id: 'b',
      headline: 'B',
      paragraphs: ['A resident shouted: "shame on you!"'],
      quotes: [{ p: 'p1', text: 'shame on you!', speaker: null }],
    })
    const link = linkBetween(
      'l1',
      a,
      'p1',
      '"Shame on you," shouted a resident.',
      b,
      'p1',
      'A resident shouted: "shame on you!"',
      'same-quote',
    )
    expect(summariseComparison(a, b, comparison(a, b, [link])).sharedQuotes[0]?.fidelity).toBe('verbatim')
  })

  it('comes out the same when computed a piece at a time, each piece a few links long', () => {
    // Forty links: the same pairs again, so only the first of each is a shared quote.
    const many = Array.from({ length: 40 }, (_, i) => ({ ...links[i % links.length]!, id: `l${i + 1}` }))
    const c = comparison(gazette, courier, many)
    const steps = summariseComparisonInSteps(gazette, courier, c, 4)
    let pieces = 0
    let step = steps.next()
    while (!step.done) {
      pieces++
      step = steps.next()
    }
    // Four pieces for the two sides' figures, then ten of four links each (the last returns).
    expect(pieces).toBe(4 + 9)
    expect(step.value).toEqual(summariseComparison(gazette, courier, c))
    expect(step.value.sharedQuotes.map((q) => q.linkId)).toEqual(summary.sharedQuotes.map((q) => q.linkId))
  })

  it('lists no shared quotes for articles with no links', () => {
    expect(summariseComparison(gazette, courier, comparison(gazette, courier, [])).sharedQuotes).toEqual([])
  })
})

describe('quote share by speaker', () => {
  it('gives each speaker their share of the quoted words, most quoted first', () => {
    const share = quoteShareBySpeaker(gazette)
    expect(share.map((s) => s.name)).toEqual(['Ana Ortiz', 'Ben Okafor'])
    const [ortiz, okafor] = share
    expect(ortiz).toMatchObject({ quotes: 2, words: 26 })
    expect(okafor).toMatchObject({ quotes: 1, words: 7 })
    expect((ortiz?.share ?? 0) + (okafor?.share ?? 0)).toBeCloseTo(1)
    expect(ortiz?.share).toBeCloseTo(26 / 33)
  })

  it('keeps quotes without an identified speaker as their own, unnamed group', () => {
    const share = quoteShareBySpeaker(courier)
    const unknown = share.find((s) => s.speakerId === null)
    expect(unknown).toMatchObject({ name: null, quotes: 1, words: 3 })
  })

  it('counts every quotation the reader counts, scare quotes and the headline’s included', () => {
    const a = makeArticle({
      id: 'scare',
      headline: 'Mayor calls pact "historic"',
      paragraphs: ['The so-called "deal" was signed. "It is done," she said.'],
      quotes: [
        { p: 'headline', text: 'historic', speaker: 'Jo Park', kind: 'scare' },
        { p: 'p1', text: 'deal', speaker: null, kind: 'scare' },
        { p: 'p1', text: 'It is done,', speaker: 'Jo Park' },
      ],
    })
    const summary = summariseComparison(a, a, comparison(a, a, [])).left
    expect(summary.quoteCount).toBe(a.quotes.length)
    expect(summary.quoteCount).toBe(3)
    expect(summary.quotedWords).toBe(5)
    expect(quoteShareBySpeaker(a).map((s) => [s.name, s.quotes])).toEqual([
      ['Jo Park', 2],
      [null, 1],
    ])
  })

  it('is empty for an article without quotes', () => {
    const a = makeArticle({ id: 'plain', headline: 'Plain', paragraphs: ['Nothing was said.'] })
    expect(quoteShareBySpeaker(a)).toEqual([])
  })
})

describe('entities only one side mentions', () => {
  it('lists people and organisations the other outlet never names', () => {
    const only = entitiesOnlyIn(gazette, courier)
    expect(only.person.map((e) => e.name)).toEqual(['Ben Okafor'])
    expect(only.organization.map((e) => e.name)).toEqual(['Department of Transport', 'Lakeside University'])
    expect(only.place).toEqual([])
    expect(entitiesOnlyIn(courier, gazette).person.map((e) => e.name)).toEqual(['Carla Wu'])
  })

  it('lists people named as often alphabetically, an accented initial among its plain letter', () => {
    const names = ['Zoe Adams', 'émile Dubois', 'Ana Ortiz', 'Eric Moss', 'Farah Lee']
    const a = makeArticle({
      id: 'names',
      headline: 'Names',
      paragraphs: [names.join(', ') + ' met.'],
      entities: names.map((name) => ({ name, type: 'person' as const })),
    })
    const b = makeArticle({ id: 'none', headline: 'Nobody', paragraphs: ['Nobody met.'] })
    expect(entitiesOnlyIn(a, b).person.map((e) => e.name)).toEqual([
      'Ana Ortiz',
      'émile Dubois',
      'Eric Moss',
      'Farah Lee',
      'Zoe Adams',
    ])
  })

  it('counts a person named by family name alone on the other side as mentioned there', () => {
    // The courier says only "Ortiz"; the gazette's "Ana Ortiz" is therefore not one-sided, and vice versa.
    expect(entitiesOnlyIn(gazette, courier).person.some((e) => e.name === 'Ana Ortiz')).toBe(false)
    expect(entitiesOnlyIn(courier, gazette).person.some((e) => e.name === 'Ortiz')).toBe(false)
  })

  it('finds a name in the other text even when its entity extraction missed it', () => {
    const a = makeArticle({
      id: 'a',
      headline: 'A',
      paragraphs: ['Officials in Kim Jong-un’s government declined to comment.'],
      entities: [{ name: 'Kim Jong-un', type: 'person' }],
    })
    const b = makeArticle({ id: 'b', headline: 'B', paragraphs: ['Kim Jong Un did not attend.'] })
    expect(entitiesOnlyIn(a, b).person).toEqual([])
  })

  it('does not mistake a name inside a longer word for a mention', () => {
    const a = makeArticle({
      id: 'a',
      headline: 'A',
      paragraphs: ['Reporters met in Oman.'],
      entities: [{ name: 'Oman', type: 'place' }],
    })
    const b = makeArticle({ id: 'b', headline: 'B', paragraphs: ['A woman from Romania spoke.'] })
    expect(entitiesOnlyIn(a, b).place.map((e) => e.name)).toEqual(['Oman'])
  })
})

describe('framing and length', () => {
  it('puts each outlet’s headline, deck, lead and length side by side', () => {
    const summary = summariseComparison(gazette, courier, comparison(gazette, courier, []))
    expect(summary.left).toMatchObject({
      outlet: 'Riverside Gazette',
      headline: gazette.headline,
      deck: gazette.deck,
      lead: gazette.paragraphs[0]?.text,
      words: gazette.wordCount,
      quoteCount: 3,
    })
    expect(summary.right).toMatchObject({ outlet: 'Valley Courier', deck: null, quoteCount: 3 })
  })
})
