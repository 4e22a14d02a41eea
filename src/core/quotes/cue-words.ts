/**
 * The word sets the cue finder reads, made once from the reporting-verb lemmas: which words are speech verbs,
 * which put the speaker after them, which are participles, and which are also plural nouns.
 */
import { ADDRESSING_VERBS, REPORTING_VERBS } from './reporting-verbs'
import { verbForms } from './verb-forms'

const reporting = REPORTING_VERBS.map(verbForms)
const addressing = ADDRESSING_VERBS.map(verbForms)
const all = [...reporting, ...addressing]

/** Finite speech verbs: "X said", "said X", "X told reporters", "X tweeted that ...". */
export const CUE_VERBS: ReadonlySet<string> = new Set(['say', ...all.flatMap((f) => [f.past, f.third])])

/**
 * Third-person forms, which are also plural nouns ("the claims were", "his tweets", "meeting notes"): they
 * count only when a speaker stands right next to them.
 */
export const NOUN_LIKE_CUES: ReadonlySet<string> = new Set(all.map((f) => f.third))

/** Verbs that put the speaker after them ("said Sheila Smith", "added the minister"). */
export const INVERSION_VERBS: ReadonlySet<string> = new Set(reporting.flatMap((f) => [f.past, f.third]))

/**
 * Participles that attribute with the subject of the sentence: "X echoed Y by saying", "X spoke, adding".
 * The speaker is the subject of the clause, never the word in front of them.
 */
export const CUE_PARTICIPLES: ReadonlySet<string> = new Set(all.map((f) => f.participle))
