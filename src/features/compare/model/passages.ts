/**
 * The comparison view's model, computed once per (left, right, comparison): every block of each article
 * split into passages (its sentences, or the whole block when the pipeline gave none), each passage
 * marked with the links that touch it or as found only on its side. Pure, so it is unit-tested and
 * memoised; the view renders from it and never recomputes it on hover.
 */
import type { Article, Comparison, Link, LinkKind, Span } from '../../../core/schema'

export type Side = 'left' | 'right'
/** `only`: the alignment found it only on this side; `plain`: neither linked nor reported as unique. */
export type PassageKind = LinkKind | 'only' | 'plain'

export type Passage = {
  /** Unique on its side and usable in a DOM id: `p3-120`. */
  key: string
  side: Side
  blockId: string
  start: number
  end: number
  text: string
  kind: PassageKind
  /** Links touching the passage, best score first. */
  linkIds: readonly string[]
  /** Linked words narrower than the passage (a quoted fragment), as offsets into `text`. */
  marks: readonly { start: number; end: number }[]
}

export type BlockPiece = { type: 'text'; text: string } | { type: 'passage'; passage: Passage }

export type Block = {
  id: string
  role: 'headline' | 'deck' | 'paragraph'
  pieces: readonly BlockPiece[]
  hasLinked: boolean
  hasOnly: boolean
}

export type SideModel = {
  side: Side
  blocks: readonly Block[]
  /** Marked passages (linked or only here) in reading order. */
  passages: readonly Passage[]
  byKey: ReadonlyMap<string, Passage>
}

export type CompareModel = {
  left: SideModel
  right: SideModel
  /** Links in reading order of the left article, then of the right. */
  links: readonly Link[]
  linkById: ReadonlyMap<string, Link>
  /** The passages each link joins, by passage key. */
  passagesOfLink: ReadonlyMap<string, { left: readonly string[]; right: readonly string[] }>
}

const KIND_RANK: Record<PassageKind, number> = {
  'same-quote': 3,
  paraphrase: 2,
  'same-fact': 1,
  only: 0,
  plain: -1,
}

export function articleBlocks(article: Article): { id: string; role: Block['role']; text: string }[] {
  const blocks: { id: string; role: Block['role']; text: string }[] = [
    { id: 'headline', role: 'headline', text: article.headline },
  ]
  if (article.deck) blocks.push({ id: 'deck', role: 'deck', text: article.deck })
  for (const p of article.paragraphs) blocks.push({ id: p.id, role: 'paragraph', text: p.text })
  return blocks
}

/** Sentence ranges inside a block: sorted, clipped to the text, overlaps dropped, whole block if none. */
function sentenceRanges(sentences: readonly Span[], length: number): [number, number][] {
  const ranges = sentences
    .map((s): [number, number] => [Math.max(0, s.start), Math.min(length, s.end)])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0])
  const kept: [number, number][] = []
  for (const range of ranges) {
    const last = kept[kept.length - 1]
    if (!last || range[0] >= last[1]) kept.push(range)
  }
  return kept.length > 0 ? kept : [[0, length]]
}

function overlaps(span: Span, blockId: string, start: number, end: number): boolean {
  return span.paragraphId === blockId && span.start < end && span.end > start
}

function mergeRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start)
  const merged: { start: number; end: number }[] = []
  for (const r of sorted) {
    const last = merged[merged.length - 1]
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  return merged
}

function groupByBlock<T>(items: readonly T[], spanOf: (item: T) => Span): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const id = spanOf(item).paragraphId
    const group = groups.get(id)
    if (group) group.push(item)
    else groups.set(id, [item])
  }
  return groups
}

function buildSide(article: Article, side: Side, links: readonly Link[], only: readonly Span[]): SideModel {
  // Grouped by block so two 100-paragraph articles cost sentences × links-in-that-block, not × all links.
  const linksByBlock = groupByBlock(links, (l) => l[side])
  const onlyByBlock = groupByBlock(only, (s) => s)
  const sentencesByBlock = groupByBlock(article.sentences, (s) => s)
  const blocks: Block[] = []
  const passages: Passage[] = []
  const byKey = new Map<string, Passage>()
  for (const block of articleBlocks(article)) {
    const pieces: BlockPiece[] = []
    let cursor = 0
    let hasLinked = false
    let hasOnly = false
    // Best first, once per block: each sentence then keeps this order for the links it touches.
    const blockLinks = (linksByBlock.get(block.id) ?? []).sort(
      (a, b) => b.score - a.score || KIND_RANK[b.kind] - KIND_RANK[a.kind],
    )
    const blockOnly = onlyByBlock.get(block.id) ?? []
    for (const [start, end] of sentenceRanges(sentencesByBlock.get(block.id) ?? [], block.text.length)) {
      if (start > cursor) pieces.push({ type: 'text', text: block.text.slice(cursor, start) })
      cursor = end
      const touching = blockLinks.filter((l) => overlaps(l[side], block.id, start, end))
      let kind: PassageKind = 'plain'
      for (const l of touching) if (KIND_RANK[l.kind] > KIND_RANK[kind]) kind = l.kind
      if (touching.length === 0 && blockOnly.some((s) => overlaps(s, block.id, start, end))) kind = 'only'
      const marks = mergeRanges(
        touching
          .map((l) => l[side])
          .filter((s) => s.start > start || s.end < end)
          .map((s) => ({ start: Math.max(s.start, start) - start, end: Math.min(s.end, end) - start })),
      )
      const passage: Passage = {
        key: `${block.id}-${start}`,
        side,
        blockId: block.id,
        start,
        end,
        text: block.text.slice(start, end),
        kind,
        linkIds: touching.map((l) => l.id),
        marks,
      }
      pieces.push({ type: 'passage', passage })
      if (kind === 'only') hasOnly = true
      else if (kind !== 'plain') hasLinked = true
      if (kind !== 'plain') {
        passages.push(passage)
        byKey.set(passage.key, passage)
      }
    }
    if (cursor < block.text.length) pieces.push({ type: 'text', text: block.text.slice(cursor) })
    blocks.push({ id: block.id, role: block.role, pieces, hasLinked, hasOnly })
  }
  return { side, blocks, passages, byKey }
}

function blockOrder(article: Article): Map<string, number> {
  return new Map(articleBlocks(article).map((b, i) => [b.id, i]))
}

export function buildCompareModel(left: Article, right: Article, comparison: Comparison): CompareModel {
  const leftOrder = blockOrder(left)
  const rightOrder = blockOrder(right)
  // Links naming a block the article does not have (stale data) are dropped rather than drawn wrong.
  const keyed = comparison.links
    .filter((l) => leftOrder.has(l.left.paragraphId) && rightOrder.has(l.right.paragraphId))
    .map((link) => ({
      link,
      left: leftOrder.get(link.left.paragraphId) ?? 0,
      right: rightOrder.get(link.right.paragraphId) ?? 0,
    }))
  keyed.sort(
    (a, b) =>
      a.left - b.left ||
      a.link.left.start - b.link.left.start ||
      a.right - b.right ||
      a.link.right.start - b.link.right.start,
  )
  const links = keyed.map((k) => k.link)
  const leftSide = buildSide(left, 'left', links, comparison.onlyLeft)
  const rightSide = buildSide(right, 'right', links, comparison.onlyRight)
  const passagesOfLink = new Map<string, { left: string[]; right: string[] }>()
  for (const l of links) passagesOfLink.set(l.id, { left: [], right: [] })
  for (const sideModel of [leftSide, rightSide]) {
    for (const p of sideModel.passages) {
      for (const id of p.linkIds) passagesOfLink.get(id)?.[sideModel.side].push(p.key)
    }
  }
  return {
    left: leftSide,
    right: rightSide,
    links,
    linkById: new Map(links.map((l) => [l.id, l])),
    passagesOfLink,
  }
}

export function isLinkedKind(kind: PassageKind): kind is LinkKind {
  return kind === 'same-quote' || kind === 'paraphrase' || kind === 'same-fact'
}

export function blockLength(block: Block): number {
  let length = 0
  for (const piece of block.pieces)
    length += piece.type === 'text' ? piece.text.length : piece.passage.text.length
  return length
}

/**
 * The column's type (compare.css), in rem: text on 1.65 lines with 1rem between paragraphs; headlines
 * 1.35rem on 1.3.
 */
const LINE_REM = 1.65
const GAP_REM = 1
/** Roughly the average advance of a character of the serif text, as a share of its size. */
const CHAR_EM = 0.5
/** Where the columns' text starts on a wide screen: below the site header, heading, pickers and toolbar. */
const WIDE_TOP_REM = 23

export type FirstScreen = {
  width: number
  height: number
  /** Two columns side by side (not NARROW_QUERY). */
  wide: boolean
  /** The root font size in px (a reader's own default font size scales the whole layout). */
  rem: number
  /** The window's scroll position is being restored (back, forward, reload): the columns may fill it. */
  restoring: boolean
}

/**
 * How many blocks of a side fill what a first visit sees of its column, estimated before anything is laid
 * out: the column's text width (two columns side by side, at most 42rem each; one on a narrow screen),
 * each shown block's lines at that width plus the space after it (a block the filter hides takes none),
 * until they pass the bottom of the window — then one block more, so that a block cut by the window's
 * edge is whole and an estimate a little short still fills the screen. On a wide screen the columns start
 * some 23rem down, below the page's heading, pickers and toolbar, unless the window is about to be
 * scrolled back to where the reader was; the narrow layout's start lower still, so a whole window's
 * height there is already generous. Every block rendered first is laid out before the links can be drawn;
 * the rest follows a batch per frame, below what is in view (block-budget.ts).
 * See docs/decisions/0012-block-budget.md.
 */
export function firstScreenBlocks(
  side: SideModel,
  screen: FirstScreen,
  shown: (block: Block) => boolean = () => true,
): number {
  const { rem } = screen
  const page = Math.min(screen.width, 100 * rem) - 2 * rem
  const textWidth = screen.wide ? Math.min(42 * rem, (page - 9 * rem) / 2) : page - rem / 2
  const visible = Math.max(
    10 * LINE_REM * rem,
    screen.height - (screen.wide && !screen.restoring ? WIDE_TOP_REM * rem : 0),
  )
  let height = 0
  let count = 0
  while (count < side.blocks.length && height < visible) {
    const block = side.blocks[count++]!
    if (!shown(block)) continue
    const headline = block.role === 'headline'
    const size = headline ? 1.35 * rem : rem
    const lineHeight = headline ? size * 1.3 : LINE_REM * rem
    const charsPerLine = Math.max(10, textWidth / (size * CHAR_EM))
    height += Math.ceil(blockLength(block) / charsPerLine) * lineHeight + GAP_REM * rem
  }
  return Math.min(side.blocks.length, count + 1)
}

/**
 * How many blocks must be rendered for the passages `keys` to be in the document (and the block after
 * each, so the passage is not the last thing in its column): 0 when there are none.
 */
export function blocksThrough(side: SideModel, keys: readonly string[]): number {
  let count = 0
  for (const key of keys) {
    const blockId = side.byKey.get(key)?.blockId
    const at = side.blocks.findIndex((b) => b.id === blockId)
    if (at >= 0) count = Math.max(count, Math.min(side.blocks.length, at + 2))
  }
  return count
}
