import type { Article, LinkKind } from '../../../core/schema'
import type { PassageKind, Side } from './passages'

export const OUTLET_NOT_STATED = 'Outlet not stated'

/** The outlet's name, or a plain statement that the source does not say (never a guess). */
export function outletLabel(article: Pick<Article, 'outlet'>): string {
  return article.outlet ?? OUTLET_NOT_STATED
}

/**
 * Names for the two sides that a reader can tell apart: the outlets, with "(left)"/"(right)" added when
 * both are the same or both unknown.
 */
export function sideLabels(
  left: Pick<Article, 'outlet'>,
  right: Pick<Article, 'outlet'>,
): Record<Side, string> {
  const l = outletLabel(left)
  const r = outletLabel(right)
  return l === r ? { left: `${l} (left)`, right: `${r} (right)` } : { left: l, right: r }
}

export const LINK_KINDS: readonly LinkKind[] = ['same-quote', 'paraphrase', 'same-fact']

/**
 * A short letter at the start of each linked passage (drawn by compare.css, which must use the same
 * letters), in the legend and in the selected link's details.
 */
export const KIND_BADGE: Record<Exclude<PassageKind, 'plain'>, string> = {
  'same-quote': 'Q',
  paraphrase: 'P',
  'same-fact': 'F',
  only: 'U',
}

export const KIND_LABEL: Record<Exclude<PassageKind, 'plain'>, string> = {
  'same-quote': 'Same quote',
  paraphrase: 'Paraphrase',
  'same-fact': 'Same fact',
  only: 'Only in this article',
}

export const KIND_EXPLAINED: Record<Exclude<PassageKind, 'plain'>, string> = {
  'same-quote': 'both quote the same words',
  paraphrase: 'the same statement in other words',
  'same-fact': 'the same event or claim',
  only: 'the other article does not report it',
}

export function linkKindLabel(kind: LinkKind): string {
  return KIND_LABEL[kind]
}

export function percent(value: number): string {
  return `${Math.round(value * 100)}%`
}
