/**
 * What the URL says about the comparison view (selected link, filter, narrow-screen pane) and how the
 * reader moves from link to link. Pure: the view and the tests share it.
 */
import type { CompareFilter } from '../../../lib/paths'
import type { Block, CompareModel, Passage, PassageKind, Side } from './passages'

export type CompareState = {
  filter: CompareFilter
  pane: Side
  /** A link id that exists in this comparison, or null. */
  link: string | null
  /** The URL named a link this comparison does not have (an old or mistyped link). */
  linkMissing: boolean
}

const LINK_ID = /^l[1-9][0-9]{0,8}$/

export function readCompareState(search: URLSearchParams, model: CompareModel): CompareState {
  const rawFilter = search.get('filter')
  const filter: CompareFilter = rawFilter === 'differ' || rawFilter === 'shared' ? rawFilter : 'all'
  const pane: Side = search.get('pane') === 'right' ? 'right' : 'left'
  const rawLink = search.get('link')
  const link = rawLink !== null && LINK_ID.test(rawLink) && model.linkById.has(rawLink) ? rawLink : null
  return { filter, pane, link, linkMissing: rawLink !== null && link === null }
}

/** Whether a block shows under the filter (the CSS hides the others). */
export function blockShown(block: Block, filter: CompareFilter): boolean {
  if (filter === 'differ') return block.hasOnly
  if (filter === 'shared') return block.hasLinked
  return true
}

/** Whether a passage of this kind shows under the filter. */
export function passageShown(kind: PassageKind, filter: CompareFilter): boolean {
  if (filter === 'differ') return kind === 'only'
  if (filter === 'shared') return kind === 'same-quote' || kind === 'paraphrase' || kind === 'same-fact'
  return true
}

/**
 * The next (`step` 1) or previous (-1) link in reading order; from no selection, the first or the last.
 * Stops at the ends rather than wrapping, so "Next link" on the last one is visibly disabled.
 */
export function stepLink(model: CompareModel, current: string | null, step: 1 | -1): string | null {
  const ids = model.links.map((l) => l.id)
  if (ids.length === 0) return null
  const at = current === null ? -1 : ids.indexOf(current)
  if (at === -1) return step === 1 ? (ids[0] ?? null) : (ids[ids.length - 1] ?? null)
  return ids[at + step] ?? null
}

/**
 * Passages found only on one side, in the order "Next difference" visits them: the visible side only on
 * a narrow screen, else the left article then the right.
 */
export function differences(model: CompareModel, sides: readonly Side[]): Passage[] {
  return sides.flatMap((side) => model[side].passages.filter((p) => p.kind === 'only'))
}

/**
 * The comparison's two counts, one definition each, used by the filters and the stepper alike: links
 * (pairs of passages reporting the same thing) and differences (passages found in one article only,
 * both articles together).
 */
export function compareCounts(model: CompareModel): { links: number; differences: number } {
  return { links: model.links.length, differences: differences(model, ['left', 'right']).length }
}

export function stepPassage(list: readonly Passage[], current: Passage | null, step: 1 | -1): Passage | null {
  if (list.length === 0) return null
  const at = current === null ? -1 : list.indexOf(current)
  if (at === -1) return step === 1 ? (list[0] ?? null) : (list[list.length - 1] ?? null)
  return list[at + step] ?? null
}

/**
 * The link a click on a passage selects: its best link, or — clicking again — the passage's next link,
 * so a sentence linked to several passages on the other side shows each in turn.
 */
export function linkForPassage(passage: Passage, selected: string | null): string | null {
  const ids = passage.linkIds
  if (ids.length === 0) return null
  const at = selected === null ? -1 : ids.indexOf(selected)
  return ids[(at + 1) % ids.length] ?? null
}

/**
 * The link ids to highlight: those of the passage under the pointer or focus, else the selected link. A
 * passage of the selected link lights up that link only, not its other links: after "Show counterpart"
 * (which focuses the counterpart) the one pair chosen is the one outlined.
 */
export function activeLinks(
  model: CompareModel,
  focused: { side: Side; key: string } | null,
  selected: string | null,
) {
  if (focused) {
    const passage = model[focused.side].byKey.get(focused.key)
    if (selected !== null && passage?.linkIds.includes(selected)) return new Set([selected])
    if (passage && passage.linkIds.length > 0) return new Set(passage.linkIds)
  }
  return new Set(selected ? [selected] : [])
}
