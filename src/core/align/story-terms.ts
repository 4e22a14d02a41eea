/**
 * Features a story's alignment adds to each passage's words (issue 19): what a passage says is NOT so.
 * "No one was injured", "there were no injuries" and "Nobody has been hurt" share one content word, too
 * little to link on; the negated word, kept as a feature of its own ("¬~injur"), is the fact they share,
 * and "the train was not hurt" against "nobody was hurt" still differs from "three people were hurt".
 */
import { passageFeatures, type Feature, type PassageFeatures } from '../align-terms'

/** Words that deny what follows ("no", "nobody", "never", "n't"). "no one" counts as "nobody". */
const NEGATORS = new Set(['no', 'not', 'never', 'nobody', 'none', 'nothing', 'neither', 'nor', 'without'])

/** How far after the negator its word may come ("no one was injured": three words on). */
const REACH = 4

/** Adds to `features` a "¬key" feature for each content word a negator in `text` denies. */
export function addNegations(text: string, features: PassageFeatures): void {
  const words = text.split(/[^\p{L}\p{N}'’-]+/u).filter((w) => w.length > 0)
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.toLowerCase()
    if (!NEGATORS.has(lower) && !/n['’]t$/.test(lower)) continue
    const after = words.slice(i + 1, i + 1 + REACH)
    const denied = firstContent(after.join(' '))
    if (!denied) continue
    const key = `¬${denied.key}`
    if (features.features.has(key)) continue
    const upTo = after.findIndex((w) =>
      w.toLowerCase().startsWith(denied.surface.toLowerCase().split(' ')[0]!),
    )
    const surface = [words[i]!, ...after.slice(0, upTo >= 0 ? upTo + 1 : after.length)].join(' ')
    const feature: Feature = { key, surface, factor: 1, name: false }
    features.features.set(key, feature)
  }
}

function firstContent(text: string): Feature | undefined {
  for (const f of passageFeatures(text).features.values()) {
    if (!f.name && f.factor >= 1 && !f.key.startsWith('#') && !f.key.startsWith('@')) return f
  }
  return undefined
}

/**
 * An exact figure ("2,400", "4.5%", "Two thousand four hundred"): a number key that is not a year, which
 * a story's reports repeat for many facts.
 */
export function isExactFigure(key: string): boolean {
  return /^#\d/.test(key) && !/^#(19|20)\d\d$/.test(key)
}

/** The figures decision needs from a story's scoring. */
type Bar = { factBar: number }

/**
 * The same exact figure with a little more in common ("About 2,400 members" / "some 2400 dock workers"):
 * the same fact, though the sentences around it differ too much for the usual bar. `figure`: the rarity
 * of the shared exact figures, as in `strength`.
 */
export function sameFigure(
  s: Bar,
  similarity: number,
  strength: number,
  figure: number,
): { kind: 'same-fact'; score: number; speaker: null } | null {
  if (figure < FIGURE.rarity || strength - figure < FIGURE.beyond) return null
  const evidence = Math.min(1, similarity * Math.min(1.5, 0.5 + strength / 4))
  return evidence >= s.factBar * FIGURE.bar ? { kind: 'same-fact', score: evidence, speaker: null } : null
}

/** Tuned on the tune stories of test/fixtures/stories. */
const FIGURE = {
  /** A figure found about once per article. */
  rarity: 0.9,
  /** What else the passages share, in whole rare words: a name or one generic word ("workers" / "members") is enough. */
  beyond: 0.3,
  /** This share of the usual bar. */
  bar: 0.5,
}

/** A fraction in words and the share it is written as elsewhere ("a third" / "33 per cent"). */
const FRACTIONS: Record<string, string> = {
  'a third': '33%',
  'one third': '33%',
  'one-third': '33%',
  'two thirds': '67%',
  'two-thirds': '67%',
  'a quarter': '25%',
  'one quarter': '25%',
  'three quarters': '75%',
  'three-quarters': '75%',
  'a fifth': '20%',
  'one fifth': '20%',
  'a tenth': '10%',
  'one tenth': '10%',
}

const FRACTION_WORDS = Object.keys(FRACTIONS).join('|')
/** Only a share: "by a third", "a third of the catch" — not an ordinal ("a third day", "a third term"). */
const FRACTION = new RegExp(`\\bby\\s+(${FRACTION_WORDS})\\b|\\b(${FRACTION_WORDS})\\s+of\\b`, 'gi')

/** Adds to `features` the share a fraction in words stands for, as the figure feature "33 per cent" gets. */
export function addFractions(text: string, features: PassageFeatures): void {
  for (const m of text.matchAll(FRACTION)) {
    const words = (m[1] ?? m[2])!
    const key = `#${FRACTIONS[words.toLowerCase()]!}`
    if (!features.features.has(key))
      features.features.set(key, { key, surface: words, factor: 1, name: false })
  }
}
