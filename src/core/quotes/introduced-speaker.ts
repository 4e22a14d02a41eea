/**
 * A quotation with no cue of its own whose speaker is the subject of the sentence right before it, or, when
 * nothing comes before, right after it. News introduces a speaker and then lets them talk:
 *
 *   Farid Haddad, who owns three pharmacies, was blunt. "We will lose money on every prescription."
 *   "We asked for a light at that corner for six years." That was how Deborah Okonkwo opened the meeting.
 *
 * Only whole-sentence quotations (not fragments, which are often scare quotes) and only people: an
 * organisation as a sentence's subject is too often what the sentence is about rather than who speaks.
 */
import { tokenAtOrAfter, type Mention, type TextAnalysis } from '../entities'
import { isTitleBlock, type QuoteSpan } from '../quotes'

/** A sentence in the article: its block and its index among the block's sentences. */
interface SentenceRef {
  block: number
  sentence: number
}

export interface IntroducedSpeaker {
  entity: string
  mention: Mention
  /** Whether the sentence naming the speaker comes before the quotation (else after it). */
  before: boolean
}

/** The subject of one sentence (its first person, role, pronoun or organisation outside quotes). */
export type SubjectOf = (ref: SentenceRef) => Mention | undefined

/** Resolves a subject mention to the entity it stands for (a pronoun to its antecedent), or null. */
export type EntityOf = (m: Mention) => string | null

/** How far into its sentence a subject that follows the quotation may start, in words. */
const NEAR_START = 8

/** The first token of block `b` starting at or after `pos`. */
const firstTokenAt = (a: TextAnalysis, b: number, pos: number) => tokenAtOrAfter(a.tokens[b]!, pos)

function sentenceBefore(a: TextAnalysis, q: QuoteSpan): SentenceRef | null {
  const b = q.blockIndex
  const toks = a.tokens[b]!
  const k = firstTokenAt(a, b, q.open)
  if (k > 0) return { block: b, sentence: toks[k - 1]!.sentence }
  if (b === 0 || isTitleBlock(a.blocks[b - 1]!.id)) return null
  const prev = a.tokens[b - 1]!
  return prev.length > 0 ? { block: b - 1, sentence: prev[prev.length - 1]!.sentence } : null
}

function sentenceAfter(a: TextAnalysis, q: QuoteSpan): SentenceRef | null {
  const b = q.blockIndex
  if (q.close < 0) return null
  const toks = a.tokens[b]!
  const k = firstTokenAt(a, b, q.close + 1)
  if (k < toks.length) return { block: b, sentence: toks[k]!.sentence }
  if (b + 1 >= a.blocks.length) return null
  const next = a.tokens[b + 1]!
  return next.length > 0 ? { block: b + 1, sentence: next[0]!.sentence } : null
}

/** Per analysis and block, each sentence's quotations (built once: a quadratic scan per quote was slow). */
const bySentence = new WeakMap<TextAnalysis, Map<number, QuoteSpan[]>[]>()

/** The quotations of one sentence. */
function quotesIn(a: TextAnalysis, ref: SentenceRef): readonly QuoteSpan[] {
  let blocks = bySentence.get(a)
  if (!blocks) {
    blocks = a.blocks.map((_, b) => {
      const toks = a.tokens[b]!
      const map = new Map<number, QuoteSpan[]>()
      for (const q of a.blockQuotes[b]!) {
        const k = firstTokenAt(a, b, q.open)
        if (k >= toks.length) continue
        const list = map.get(toks[k]!.sentence) ?? []
        list.push(q)
        map.set(toks[k]!.sentence, list)
      }
      return map
    })
    bySentence.set(a, blocks)
  }
  return blocks[ref.block]!.get(ref.sentence) ?? []
}

function personOf(entityOf: EntityOf, m: Mention | undefined): string | null {
  if (!m || m.kind === 'organization' || m.kind === 'place' || m.kind === 'group') return null
  const entity = entityOf(m)
  return entity && entity.startsWith('person:') ? entity : null
}

/**
 * The person a cue-less, whole-sentence quotation is introduced by. `speakerOf` gives the speaker already
 * found for another quotation (a sentence whose own quote is someone else's does not introduce this one).
 */
export function introducedSpeaker(
  a: TextAnalysis,
  q: QuoteSpan,
  subjectOf: SubjectOf,
  entityOf: EntityOf,
  speakerOf: (q: QuoteSpan) => string | null,
): IntroducedSpeaker | null {
  if (q.kind !== 'full' || q.nested || q.title || q.label || isTitleBlock(q.paragraphId)) return null
  const before = sentenceBefore(a, q)
  if (before) {
    const m = subjectOf(before)
    const entity = personOf(entityOf, m)
    const others = quotesIn(a, before).filter((x) => x !== q)
    if (entity && m && others.every((x) => speakerOf(x) === entity))
      return { entity, mention: m, before: true }
    // Someone or something else was the last subject: do not reach past them.
    if (m || others.length > 0) return null
  }
  const after = sentenceAfter(a, q)
  if (!after || isTitleBlock(a.blocks[after.block]!.id) || quotesIn(a, after).length > 0) return null
  const m = subjectOf(after)
  const entity = personOf(entityOf, m)
  if (!entity || !m) return null
  const toks = a.tokens[after.block]!
  let first = m.t0
  while (first > 0 && toks[first - 1]!.sentence === after.sentence) first -= 1
  return m.t0 - first <= NEAR_START ? { entity, mention: m, before: false } : null
}
