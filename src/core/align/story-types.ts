/** The shapes of a story's alignment (issue 19): facts, their members, and links read off them. */
import type { Candidate } from '../align'
import type { Link, LinkEvidence, Span } from '../schema'

/** How an article carries a fact: as the others do word for word, in its own words, or as a quotation. */
export type Carried = 'verbatim' | 'reworded' | 'quoted' | 'quoted-partly' | 'reported'

export type StoryMember = {
  articleId: string
  blockId: string
  span: Span
  carried: Carried
  /** The quotation in this passage that carries a quote fact, if it is quoted here. */
  quoteId?: string
}

export type StoryFact = {
  /** f1, f2, ... in order of first appearance (article order, then reading order). */
  id: string
  /** A quote: the same remark, quoted or reported; a fact: the same event, claim or figure. */
  kind: 'quote' | 'fact'
  /** Who made the remark, for quotes whose speaker is known. */
  speaker: string | null
  members: StoryMember[]
}

/**
 * A link between two members of one fact, in story article order (`leftId` comes first in the story).
 * Without evidence: an aligned story works it out on demand (`AlignedStory.evidence`), since a story of ten
 * long articles has tens of thousands of links and a reader opens one pair at a time.
 */
export type StoryLink = Link & { fact: string; leftId: string; rightId: string }

export type StoryAlignment = {
  articleIds: string[]
  facts: StoryFact[]
  links: StoryLink[]
  /** Each article's passages no other article shares. */
  only: Record<string, Span[]>
}

/** A story just aligned: its data, and why each link was drawn (worked out when first asked). */
export type AlignedStory = StoryAlignment & { evidence: (link: StoryLink) => LinkEvidence }

/** A link the story's alignment drew between passages `ga` and `gb` (story-wide indices) of articles a < b. */
export type Edge = { a: number; b: number; ga: number; gb: number; c: Candidate }

/** A fact while grouping: one passage per article (article index -> passage), and the links inside it. */
export type Fact = { members: Map<number, number>; edges: Edge[] }
