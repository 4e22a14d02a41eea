/**
 * A story's facts as data (issue 19): each fact's members and how each article carries it, a link between
 * every two members, each article's passages no other shares, and each link's evidence on demand.
 */
import type { matchStoryPeople } from '../align-people'
import { evidence, type Candidate, type Side, type Space } from '../align'
import type { Unit } from '../align-units'
import type { Article, LinkEvidence, LinkKind, Span } from '../schema'
import type { AlignedStory, Carried, Edge, Fact, StoryFact, StoryLink, StoryMember } from './story-types'

/** What a fact's links are read from. `first`: the index of its first link in the story's links. */
type Described = {
  first: number
  members: [number, number][]
  storyMembers: StoryMember[]
  direct: Map<number, Edge>
  weakest: number
  kind: StoryFact['kind']
  speakerId: number | null
}

/** The kind of a link the fact implies between members x and y (not linked directly). */
function impliedKind(d: Described, x: number, y: number): LinkKind {
  if (d.kind === 'fact') return 'same-fact'
  const quoted = (m: StoryMember) => m.carried.startsWith('quoted')
  return quoted(d.storyMembers[x]!) && quoted(d.storyMembers[y]!) ? 'same-quote' : 'paraphrase'
}

/** Where the link between members x < y comes among a fact of n members' links (row by row). */
function pairIndex(n: number, x: number, y: number): number {
  return x * n - (x * (x + 1)) / 2 + (y - x - 1)
}

export function describe(
  articles: readonly Article[],
  sides: readonly Side[],
  facts: readonly Fact[],
  offsets: readonly number[],
  space: Space,
  people: ReturnType<typeof matchStoryPeople>,
): AlignedStory {
  const unitOf = (i: number, g: number): Unit => sides[i]!.units[g - offsets[i]!]!
  const total = offsets[offsets.length - 1]!
  // Each passage's words once, however many facts it is in (a long story has tens of thousands of members).
  const wordsOf: (string | undefined)[] = []
  const words = (i: number, g: number) => (wordsOf[g] ??= normalised(unitOf(i, g).text))
  // First appearance: the earliest article holding the fact, then its reading order.
  const ordered = facts
    .map((f) => {
      let first = Infinity
      for (const g of f.members.values()) if (g < first) first = g
      return { f, first }
    })
    .sort((x, y) => x.first - y.first)
  const outFacts: StoryFact[] = []
  const links: StoryLink[] = []
  // Why each link was drawn is worked out when asked, from its fact and its members' places (the link id
  // says which): nothing is kept per link, as a long story has tens of thousands.
  const described: Described[] = []
  const linked = new Uint8Array(total)
  ordered.forEach(({ f }, n) => {
    const id = `f${n + 1}`
    const quoteEdges = f.edges.filter((e) => e.c.kind !== 'same-fact')
    const kind: StoryFact['kind'] = quoteEdges.length > 0 ? 'quote' : 'fact'
    const speakerId = quoteEdges.find((e) => e.c.speaker !== null)?.c.speaker ?? null
    const speaker = speakerId === null ? null : (people.clusters[speakerId]?.name ?? null)
    const members = [...f.members].sort((x, y) => x[0] - y[0])
    const storyMembers = members.map(([i, g]) =>
      storyMember(articles, sides, unitOf(i, g), i, kind, speakerId, () =>
        members.some(([other, h]) => other !== i && words(other, h) === words(i, g)),
      ),
    )
    for (const [, g] of members) linked[g] = 1
    outFacts.push({ id, kind, speaker, members: storyMembers })

    // Every two members are linked: directly where the alignment linked them, else through the fact.
    const direct = new Map<number, Edge>()
    let weakest = Infinity
    for (const e of f.edges) {
      direct.set(e.ga * total + e.gb, e)
      if (e.c.score < weakest) weakest = e.c.score
    }
    const d: Described = { first: links.length, members, storyMembers, direct, weakest, kind, speakerId }
    described.push(d)
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, gi] = members[x]!
        const [j, gj] = members[y]!
        const e = direct.get(gi * total + gj)
        const c = e ? e.c : null
        const linkKind = c ? c.kind : impliedKind(d, x, y)
        const link: StoryLink = {
          fact: id,
          leftId: articles[i]!.id,
          rightId: articles[j]!.id,
          id: `${id}-${x + 1}-${y + 1}`,
          left: unitOf(i, gi).span,
          right: unitOf(j, gj).span,
          kind: linkKind,
          score: Math.round((c ? c.score : weakest) * 1000) / 1000,
        }
        // Set only when known (no object spread per link: a long story has tens of thousands).
        if (c?.quote) {
          link.leftQuoteId = c.quote.left.quote.id
          link.rightQuoteId = c.quote.right.quote.id
        } else if (!c && linkKind === 'same-quote') {
          const leftQuote = storyMembers[x]!.quoteId
          const rightQuote = storyMembers[y]!.quoteId
          if (leftQuote && rightQuote) {
            link.leftQuoteId = leftQuote
            link.rightQuoteId = rightQuote
          }
        }
        links.push(link)
      }
    }
  })
  const only: Record<string, Span[]> = {}
  sides.forEach((s, i) => {
    only[articles[i]!.id] = s.units.filter((u) => linked[offsets[i]! + u.index] === 0).map((u) => u.span)
  })
  const known = new Map<StoryLink, LinkEvidence>()
  const explain = (link: StoryLink): LinkEvidence => {
    let ev = known.get(link)
    if (!ev) {
      const at = /^f(\d+)-(\d+)-(\d+)$/.exec(link.id)
      const d = at ? described[Number(at[1]) - 1] : undefined
      const x = Number(at?.[2]) - 1
      const y = Number(at?.[3]) - 1
      if (!d || links[d.first + pairIndex(d.members.length, x, y)] !== link)
        throw new Error(`link ${link.id} is not one of this story's links`)
      const [i, gi] = d.members[x]!
      const [j, gj] = d.members[y]!
      const e = d.direct.get(gi * total + gj)
      const c: Candidate = e?.c ?? {
        left: unitOf(i, gi),
        right: unitOf(j, gj),
        kind: impliedKind(d, x, y),
        score: d.weakest,
        similarity: 0,
        speaker: d.speakerId,
        quote: null,
        shared: null,
      }
      ev = evidence(c, sides[i]!, sides[j]!, people, space)
      if (!e) ev = throughFact(ev)
      known.set(link, ev)
    }
    return ev
  }
  return { articleIds: articles.map((a) => a.id), facts: outFacts, links, only, evidence: explain }
}

/** One article's passage in a fact, and how it carries it. `sameWords`: another member has its exact words. */
function storyMember(
  articles: readonly Article[],
  sides: readonly Side[],
  unit: Unit,
  i: number,
  kind: StoryFact['kind'],
  speakerId: number | null,
  sameWords: () => boolean,
): StoryMember {
  const side = sides[i]!
  const quote =
    kind === 'quote'
      ? side.unitQuotes[unit.index]!.find((q) => {
          const who = q.quote.speakerId === null ? null : side.speakers.get(q.quote.speakerId)
          return speakerId === null || who === speakerId
        })
      : undefined
  const carried: Carried =
    kind === 'quote'
      ? quote
        ? quote.quote.kind === 'partial'
          ? 'quoted-partly'
          : 'quoted'
        : 'reported'
      : sameWords()
        ? 'verbatim'
        : 'reworded'
  return {
    articleId: articles[i]!.id,
    blockId: unit.span.paragraphId,
    span: unit.span,
    carried,
    ...(quote ? { quoteId: quote.quote.id } : {}),
  }
}

/** A link the fact implies (each side is linked to the same passages of other outlets), said as such. */
function throughFact(ev: LinkEvidence): LinkEvidence {
  return { ...ev, note: `Linked through other outlets that carry the same fact. ${ev.note}` }
}

function normalised(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()
}
