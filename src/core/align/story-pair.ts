/**
 * Any two articles' comparison read off a story's facts (issue 19), so every pair view and the fact matrix
 * show the same links.
 */
import { spanKey, type AlignedComparison } from '../align'
import { SCHEMA_VERSION, type Comparison, type Link, type LinkEvidence, type Span } from '../schema'
import type { AlignedStory, StoryAlignment, StoryLink } from './story-types'

const MIRROR: Record<string, string> = { left: 'right', right: 'left' }
/** The notes' own words for a side (align.ts: "… on the left, reported on the right"), not a quotation's. */
const SIDE_IN_NOTE = /\bon the (left|right)\b/g

/** A link's note read from the other side: its sides swapped, its quotations and shared words left alone. */
export function mirrorNote(note: string): string {
  return note
    .split(/(“[^”]*”)/)
    .map((part) =>
      part.startsWith('“') ? part : part.replace(SIDE_IN_NOTE, (_, side: string) => `on the ${MIRROR[side]}`),
    )
    .join('')
}

/**
 * The comparison of two articles of a story, read off its facts: the same links whichever pair view or
 * matrix row shows them. Link ids run l1, l2, ... in the left article's reading order. Without evidence
 * (as bundled comparison files are); `alignedStoryPair` adds it.
 */
export function storyPair(story: StoryAlignment, leftId: string, rightId: string): Comparison {
  return pairOf(story, leftId, rightId, null)
}

/** A pair of a story just aligned, every link with its evidence (as `alignArticles` gives). */
export function alignedStoryPair(story: AlignedStory, leftId: string, rightId: string): AlignedComparison {
  return pairOf(story, leftId, rightId, story.evidence) as AlignedComparison
}

function pairOf(
  story: StoryAlignment,
  leftId: string,
  rightId: string,
  explain: ((link: StoryLink) => LinkEvidence) | null,
): Comparison {
  const flip = story.articleIds.indexOf(leftId) > story.articleIds.indexOf(rightId)
  const chosen = story.links.filter((l) =>
    flip ? l.leftId === rightId && l.rightId === leftId : l.leftId === leftId && l.rightId === rightId,
  )
  const oriented = chosen.map((l): Omit<Link, 'id'> => {
    const ev = explain ? explain(l) : null
    if (!flip)
      return {
        left: l.left,
        right: l.right,
        kind: l.kind,
        score: l.score,
        ...ids(l),
        ...(ev ? { evidence: ev } : {}),
      }
    return {
      left: l.right,
      right: l.left,
      kind: l.kind,
      score: l.score,
      ...(l.leftQuoteId && l.rightQuoteId
        ? { leftQuoteId: l.rightQuoteId, rightQuoteId: l.leftQuoteId }
        : {}),
      ...(ev
        ? {
            evidence: { ...ev, note: mirrorNote(ev.note) },
          }
        : {}),
    }
  })
  const leftSpans = new Set<string>()
  const rightSpans = new Set<string>()
  const links: Link[] = oriented
    .sort((a, b) => blockOrder(a.left, b.left) || blockOrder(a.right, b.right))
    .map((l, n) => {
      leftSpans.add(spanKey(l.left))
      rightSpans.add(spanKey(l.right))
      return { id: `l${n + 1}`, ...l }
    })
  return {
    schemaVersion: SCHEMA_VERSION,
    leftId,
    rightId,
    links,
    onlyLeft: pairOnly(story, leftId, leftSpans),
    onlyRight: pairOnly(story, rightId, rightSpans),
  }
}

function ids(l: StoryLink): { leftQuoteId?: string; rightQuoteId?: string } {
  return l.leftQuoteId && l.rightQuoteId ? { leftQuoteId: l.leftQuoteId, rightQuoteId: l.rightQuoteId } : {}
}

/** An article's passages without a link in this pair: its story-wide lone passages and those linked elsewhere. */
function pairOnly(story: StoryAlignment, id: string, linked: ReadonlySet<string>): Span[] {
  const spans = new Map<string, Span>()
  for (const s of story.only[id] ?? []) spans.set(spanKey(s), s)
  for (const f of story.facts) {
    for (const m of f.members)
      if (m.articleId === id && !linked.has(spanKey(m.span))) spans.set(spanKey(m.span), m.span)
  }
  return [...spans.values()].sort(blockOrder)
}

function blockOrder(a: Span, b: Span): number {
  const rank = (id: string) =>
    id === 'headline' ? -2 : id === 'deck' ? -1 : Number(id.replace(/\D/g, '')) || 0
  return rank(a.paragraphId) - rank(b.paragraphId) || a.start - b.start
}
