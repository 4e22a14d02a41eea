/**
 * Who said each quotation. Pure: the blocks in, quotes and canonical speakers out.
 *
 * Order of evidence for one quote (the first that applies wins):
 * 1. a cue right after it: `"...," said Sheila Smith`, `"...," the U.S. president said`, `"...," he said`;
 * 2. a speaker and a colon right before it: `Trump: "..."`, `Abe said: "..."`;
 * 3. the nearest cue before it in the same sentence: `Trump vowed to do "everything possible"`,
 *    `Trump echoed ... by saying that there was "..."`, `"We will," he said, "never surrender."`;
 * 4. a cue later in the same sentence: `The deal was "a disaster" for them, Trump said.`;
 * 5. the quote before it in the same paragraph (a second quote after its cue);
 * 6. a quotation that opens its paragraph with no cue continues the previous paragraph's speaker, as does
 *    each paragraph of a quotation that runs over several paragraphs;
 * 7. a headline or deck quote without any of these whose words (two or more, "not" matching "n't") appear in
 *    an attributed quote echoes that quote's speaker, and its cue points at that quote;
 * 8. otherwise nobody: speakerId null, confidence 0 — and if a cue names a speaker the article never
 *    identifies ("a senior official said", "they said"), the cue is kept with method `none` as evidence.
 *
 * The cue's subject decides the speaker: a name (0.95; 0.75 when a shared surname had to be resolved to the
 * person mentioned most recently), an organisation (0.9), a role the article taught ("the U.S. president"
 * after "U.S. President Donald Trump", 0.85; 0.7 when several people hold it), a role followed by a name in
 * apposition (0.9), a he/she pronoun resolved to the most recent person named as a speaker or sentence subject
 * whose known gender fits (0.7), a continuation (0.6), an echo (0.5). A cue far before a partial quote (more
 * than 15 words) costs 0.1. "they" is never resolved to one person.
 */
import {
  analyseText,
  isRoleHead,
  personKey,
  tokenAtOrAfter,
  type Mention,
  type TextAnalysis,
  type Token,
} from './entities'
import { HONORIFICS } from './lexicon-roles'
import { SUBJECT_VERB_FILLERS, TIME_WORDS } from './lexicon-cues'
import { CUE_PARTICIPLES, CUE_VERBS, INVERSION_VERBS, NOUN_LIKE_CUES } from './quotes/cue-words'
import { ANONYMOUS_ROLES, ORG_NOUNS, genderOfRole } from './quotes/description-words'
import { FUNCTION_WORDS, MONTHS } from './lexicon-words'
import { isLower, isSpace, isTitleBlock, type QuoteSpan } from './quotes'
import type { Cue, Paragraph, Quote, Speaker } from './schema'
import {
  introducedSpeaker,
  type EntityOf,
  type IntroducedSpeaker,
  type SubjectOf,
} from './quotes/introduced-speaker'

type Method = Cue['method']

interface CueHit {
  block: number
  /** Token index of the verb (ascending within a block; used to search hits by position). */
  v: number
  /** Token range of the whole cue (subject and verb). */
  t0: number
  t1: number
  verb: string
  subject: Mention | null
  sentence: number
}

interface Attribution {
  entity: string | null
  method: Method
  confidence: number
}

const NO_SPEAKER: Attribution = { entity: null, method: 'none', confidence: 0 }

// ---------------------------------------------------------------------------------------------------------
// Cues

/** The mention that ends exactly at token `k` (inclusive) and is not inside a quotation. */
function mentionEndingAt(a: TextAnalysis, b: number, k: number): Mention | null {
  const m = a.mentionAt[b]![k]
  if (!m || m.t1 !== k + 1) return null
  const tok = a.tokens[b]![k]!
  return tok.inQuote ? null : m
}

function mentionStartingAt(a: TextAnalysis, b: number, k: number): Mention | null {
  const m = a.mentionStart[b]![k]
  return m && !a.tokens[b]![k]!.inQuote ? m : null
}

/** The first token inside a parenthesis of at most four words that closes right before token `v`, or -1. */
function parenthesisBefore(toks: readonly Token[], v: number): number {
  const close = toks[v]!.punctBefore
  if (!close.startsWith(')') && !close.startsWith('.)')) return -1
  for (let k = v - 1; k >= 0 && k >= v - 4; k -= 1) {
    const p = toks[k]!.punctBefore
    if (p.endsWith('(')) return k
    if (p !== '' && p !== '-' && p !== '.') return -1
  }
  return -1
}

/** Skips fillers and time phrases backwards from `k`: "Trump on Wednesday said", "Abe has also said". */
function skipFillersBack(toks: readonly Token[], k: number): number {
  while (k >= 0) {
    const t = toks[k]!
    const next = toks[k + 1]!
    if (next.punctBefore !== '') return k
    if (SUBJECT_VERB_FILLERS.has(t.lower)) {
      k -= 1
      continue
    }
    const prev = toks[k - 1]
    if (
      prev &&
      (TIME_WORDS.has(t.lower) || MONTHS.has(t.lower)) &&
      t.punctBefore === '' &&
      (prev.lower === 'on' || prev.lower === 'in' || prev.lower === 'last' || prev.lower === 'this')
    ) {
      k -= 2
      continue
    }
    return k
  }
  return k
}

const DETERMINERS = new Set([
  'a',
  'an',
  'the',
  'one',
  'another',
  'some',
  'this',
  'that',
  'his',
  'her',
  'its',
  'their',
])

/** Per block and sentence: the sentence's first token, and its first possible subject outside quotes. */
interface SentenceIndex {
  firstToken: number[]
  subject: (Mention | undefined)[]
}

function indexSentences(a: TextAnalysis): SentenceIndex[] {
  return a.blocks.map((_, b) => {
    const toks = a.tokens[b]!
    const firstToken: number[] = []
    for (let k = 0; k < toks.length; k += 1) {
      const s = toks[k]!.sentence
      while (firstToken.length <= s) firstToken.push(k)
    }
    const subject: (Mention | undefined)[] = []
    for (const m of a.mentions[b]!) {
      const tok = toks[m.t0]!
      if (tok.inQuote || subject[tok.sentence]) continue
      if (m.kind === 'person' || m.kind === 'role' || m.kind === 'pronoun' || m.kind === 'organization') {
        subject[tok.sentence] = m
      }
    }
    return { firstToken, subject }
  })
}

function findCues(a: TextAnalysis, sentences: readonly SentenceIndex[]): CueHit[][] {
  const out: CueHit[][] = []
  for (let b = 0; b < a.blocks.length; b += 1) {
    const toks = a.tokens[b]!
    const hits: CueHit[] = []
    // The last cue in this block that had a subject, for participles ("X echoed ... by saying").
    const last: { sentence: number; subject: Mention | null } = { sentence: -1, subject: null }
    const push = (hit: CueHit) => {
      hits.push(hit)
      if (hit.subject) {
        last.sentence = hit.sentence
        last.subject = hit.subject
      }
    }
    for (let v = 0; v < toks.length; v += 1) {
      const t = toks[v]!
      if (t.inQuote) continue
      const lower = t.lower
      if (lower === 'according' && toks[v + 1]?.lower === 'to' && toks[v + 1]!.punctBefore === '') {
        const first = mentionStartingAt(a, b, v + 2)
        // "according to analyst Mei-Lin Chou of ...": a titled person after the phrase.
        const subject =
          first && first.kind !== 'role' && first.kind !== 'group'
            ? first
            : (titledPersonAfter(a, b, v + 1) ?? first)
        if (subject && toks[v + 2]!.punctBefore === '') {
          push({
            block: b,
            v,
            t0: v,
            t1: subject.t1,
            verb: 'according to',
            subject,
            sentence: t.sentence,
          })
        }
        continue
      }
      // "as Representative Cole Dunbar put it": the person between "as" and "put it" speaks.
      if (lower === 'put' && toks[v + 1]?.lower === 'it' && v > 1) {
        const m = mentionEndingAt(a, b, v - 1)
        let as = m ? m.t0 - 1 : -1
        while (as >= 0 && m && m.t0 - as <= 4 && toks[as]!.lower !== 'as' && toks[as + 1]!.punctBefore === '')
          as -= 1
        if (m && m.kind !== 'place' && as >= 0 && toks[as]!.lower === 'as') {
          push({ block: b, v, t0: as, t1: v + 2, verb: 'put it', subject: m, sentence: t.sentence })
          continue
        }
      }
      if (CUE_PARTICIPLES.has(lower)) {
        // The subject of the clause speaks: the last cue subject earlier in the sentence, else its first person.
        let subject: Mention | null = null
        if (last.sentence === t.sentence) subject = last.subject
        if (!subject) {
          const first = sentences[b]!.subject[t.sentence]
          if (first && first.t0 < v) subject = first
        }
        const by = toks[v - 1]?.lower === 'by' && t.punctBefore === ''
        push({
          block: b,
          v,
          t0: subject ? Math.min(subject.t0, v) : by ? v - 1 : v,
          t1: v + 1,
          verb: by ? `by ${lower}` : lower,
          subject,
          sentence: t.sentence,
        })
        continue
      }
      // "so-called" is not a speech verb.
      if (!CUE_VERBS.has(lower) || t.hyphenBefore) continue
      let subject: Mention | null = null
      let t0 = v
      let t1 = v + 1
      if (v > 0) {
        // "Sen. Rowan Whitlock (R-Idaho) told": a short parenthesis between the name and the verb.
        const paren = parenthesisBefore(toks, v)
        const k = skipFillersBack(toks, paren > 0 ? paren - 1 : v - 1)
        if (k >= 0 && (toks[k + 1]!.punctBefore === '' || k + 1 === paren)) {
          const m = mentionEndingAt(a, b, k)
          if (m && m.kind !== 'place') {
            subject = m
            t0 = m.t0
          }
        }
      }
      if (!subject && v > 0 && t.punctBefore === ',') {
        const appositive =
          subjectBeforeApposition(a, b, v) ?? sentenceSubjectBeforeApposition(a, sentences, b, v)
        if (appositive) {
          subject = appositive
          t0 = appositive.t0
        }
      }
      if (!subject && INVERSION_VERBS.has(lower) && toks[v + 1]?.punctBefore === '') {
        const first = mentionStartingAt(a, b, v + 1)
        // "said WXYZ host Dana Lee", "said a Midwest Polling researcher, Sam Ortiz": the person, not the outlet.
        const named =
          first !== null && (first.kind === 'role' || first.kind === 'group') && appositionAfter(a, b, first)
        const m =
          first &&
          (named ||
            (first.kind !== 'organization' &&
              first.kind !== 'role' &&
              first.kind !== 'group' &&
              first.kind !== 'place'))
            ? first
            : (titledPersonAfter(a, b, v + 1) ?? first)
        if (m && m.kind !== 'place' && (m.kind !== 'pronoun' || m.lower !== 'who')) {
          subject = m
          t1 = m.t1
        }
      }
      if (!subject) {
        // Keep the unnamed subject as evidence ("one longshoreman said", "a spokesman said"): the cue still
        // claims the quote next to it, so nobody else's cue does.
        let k = v - 1
        while (
          k >= 0 &&
          v - k <= 3 &&
          toks[k + 1]!.punctBefore === '' &&
          !toks[k]!.inQuote &&
          isLower(toks[k]!.text[0])
        ) {
          const w = toks[k]!.lower
          if (CUE_VERBS.has(w) || CUE_PARTICIPLES.has(w) || (FUNCTION_WORDS.has(w) && !DETERMINERS.has(w)))
            break
          k -= 1
        }
        t0 = k + 1
        // "Mr. Whitaker's spokeswoman said": the unnamed speaker works for someone named; the cue spans both.
        const owner = k >= 0 && toks[k]!.possessive && k < v - 1 ? mentionEndingAt(a, b, k) : null
        if (owner) t0 = owner.t0 > 0 && HONORIFICS.has(toks[owner.t0 - 1]!.lower) ? owner.t0 - 1 : owner.t0
      }
      if (!subject && NOUN_LIKE_CUES.has(lower)) continue
      push({ block: b, v, t0, t1, verb: lower, subject, sentence: t.sentence })
    }
    out.push(hits)
  }
  return out
}

/**
 * Whether `toks[from..to)` is a short description of the person named next: one to three lowercase words,
 * none a function word but a leading article ("said conductor Pieter van der Berg", "said a local farmer").
 */
function describedBy(toks: readonly Token[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > 3) return false
  for (let k = from; k < to; k += 1) {
    const t = toks[k]!
    if (!isLower(t.text[0]) || t.inQuote || (k > from && t.punctBefore !== '')) return false
    if (FUNCTION_WORDS.has(t.lower) && !(k === from && (t.lower === 'a' || t.lower === 'the'))) return false
  }
  return true
}

/**
 * A person named with their title right after an inverted verb: "said union leader Tomas Reyes", "said CIA
 * Director Mike Pompeo", "said the governor's chief of staff, Dana Kruger". At most eight title words, and the
 * word right before the name (or before its comma) must be a role noun or an honorific (the same evidence that
 * made the name a person).
 */
function titledPersonAfter(a: TextAnalysis, b: number, k: number): Mention | null {
  const toks = a.tokens[b]!
  for (let j = k + 1; j < toks.length && j <= k + 8; j += 1) {
    const t = toks[j]!
    const m = a.mentionStart[b]![j]
    const comma = t.punctBefore === ','
    if ((t.punctBefore !== '' && !comma) || t.inQuote) return null
    if (m && m.kind === 'person') {
      const before = toks[j - 1]!.lower.replace(/\.$/, '')
      if (isRoleHead(before) || (!comma && HONORIFICS.has(before))) return m
      return !comma && describedBy(toks, k, j) ? m : null
    }
    if (comma) return null
  }
  return null
}

/** Whether `toks[from..to)` holds nothing but titles ("Senator", "Rep.", "Dr."): at most three. */
function titlesOnly(toks: readonly Token[], from: number, to: number): boolean {
  if (to < from || to - from > 3) return false
  for (let k = from; k < to; k += 1) {
    const lower = toks[k]!.lower.replace(/\.$/, '')
    if (!isRoleHead(lower) && !HONORIFICS.has(toks[k]!.lower) && !HONORIFICS.has(lower)) return false
  }
  return true
}

/**
 * The subject of a verb that follows an apposition: "Sheila Smith, senior fellow at the Council on Foreign
 * Relations, said" (the person before the first comma) or "The association, the North Sea Carriers
 * Association, said" (the name that fills the apposition).
 */
function subjectBeforeApposition(a: TextAnalysis, b: number, v: number): Mention | null {
  const toks = a.tokens[b]!
  const sentence = toks[v]!.sentence
  let c0 = v - 1
  while (c0 > 0 && v - c0 <= 16) {
    const t = toks[c0]!
    if (t.sentence !== sentence || t.inQuote) return null
    if (t.punctBefore === ',') break
    if (t.punctBefore !== '' && !t.hyphenBefore) return null
    c0 -= 1
  }
  if (c0 <= 0 || toks[c0]!.punctBefore !== ',') return null
  const before = mentionEndingAt(a, b, c0 - 1)
  if (before && before.kind === 'person') return before
  let s = c0
  if (toks[s]!.lower === 'the') s += 1
  const filling = a.mentionAt[b]![s]
  if (filling && filling.t1 === v && (filling.kind === 'person' || filling.kind === 'organization'))
    return filling
  // "The chairman of the committee, Senator Walt Grigsby of Iowa, said": the person the role phrase names.
  if (!before || before.kind !== 'person') {
    for (let k = c0; k < v; k += 1) {
      const m = a.mentionStart[b]![k]
      if (m && m.kind === 'person' && !toks[k]!.inQuote && titlesOnly(toks, c0 + (toks[c0]!.cap ? 0 : 1), k))
        return m
    }
  }
  if (before && (before.kind === 'organization' || before.kind === 'role')) return before
  return null
}

/**
 * The person who opens the sentence and is set off by a comma, however long the description between them and
 * the verb: "Marta Ilves, the author of "The Long Winter," a history of the blockade, said"; "Jerome
 * Baptiste, a welder who has worked at the plant for 30 years, said". No other speech verb may stand between.
 */
function sentenceSubjectBeforeApposition(
  a: TextAnalysis,
  sentences: readonly SentenceIndex[],
  b: number,
  v: number,
): Mention | null {
  const toks = a.tokens[b]!
  let first = sentences[b]!.firstToken[toks[v]!.sentence]
  if (first === undefined) return null
  // "Mr. Brandt, 52, a retired firefighter, said": past the titles to the name.
  let named = first
  while (named < v && !a.mentionStart[b]![named] && titlesOnly(toks, first, named + 1)) named += 1
  if (a.mentionStart[b]![named]?.kind === 'person') first = named
  const m = a.mentionStart[b]![first]
  if (!m || m.kind !== 'person' || toks[first]!.inQuote || m.t1 >= v) return null
  if (!toks[m.t1]!.punctBefore.startsWith(',')) return null
  for (let k = m.t1; k < v; k += 1) {
    const t = toks[k]!
    if (!t.inQuote && (CUE_VERBS.has(t.lower) || CUE_PARTICIPLES.has(t.lower))) return null
  }
  return m
}

/** The named person set off by a comma right after a role: "the chief spokesman, Lu Kang". */
function appositionAfter(a: TextAnalysis, b: number, m: Mention): (Mention & { entity: string }) | null {
  const after = a.mentionAt[b]![m.t1]
  const toks = a.tokens[b]!
  if (!after || after.t0 !== m.t1 || after.kind !== 'person' || !after.entity) return null
  return toks[m.t1]!.punctBefore === ',' ? { ...after, entity: after.entity } : null
}

// ---------------------------------------------------------------------------------------------------------
// Resolving a cue's subject to a speaker

interface SalienceEvent {
  block: number
  pos: number
  entity: string
}

class Resolver {
  private readonly genders = new Map<string, 'm' | 'f'>()
  /** People and organisations named as speakers or sentence subjects, in reading order. */
  readonly events: SalienceEvent[] = []

  constructor(private readonly a: TextAnalysis) {
    for (const record of a.entities.values()) if (record.gender) this.genders.set(record.key, record.gender)
  }

  note(block: number, pos: number, entity: string | null) {
    if (entity) this.events.push({ block, pos, entity })
  }

  /** The speaker a cue subject stands for. */
  subject(hit: CueHit): Attribution {
    const m = hit.subject
    if (!m) return this.organisationNoun(hit)
    // "said the ministry's spokesman, Lu Kang": the name in apposition is the speaker.
    if (m.kind === 'role' || m.kind === 'group') {
      const after = appositionAfter(this.a, hit.block, m)
      if (after) return { entity: after.entity, method: 'apposition', confidence: 0.9 }
    }
    switch (m.kind) {
      case 'person':
        if (!m.entity) return NO_SPEAKER
        return { entity: m.entity, method: 'name', confidence: m.candidates.length > 1 ? 0.75 : 0.95 }
      case 'organization':
        return m.entity ? { entity: m.entity, method: 'name', confidence: 0.9 } : NO_SPEAKER
      case 'role':
        if (!m.entity) return this.describedBack(m)
        return { entity: m.entity, method: 'role', confidence: m.candidates.length > 1 ? 0.7 : 0.85 }
      case 'pronoun':
        return this.pronoun(m)
      default:
        return NO_SPEAKER
    }
  }

  /**
   * "Grete Alvik, 38, has two children. "...," said the nurse": a definite description nobody else holds
   * refers back to the person last named as a subject, in this paragraph or the one before. Never the roles
   * that stand for someone unnamed (a spokesman, an official, a lawyer) nor one of someone's ("the
   * minister's aide").
   */
  private describedBack(m: Mention): Attribution {
    const toks = this.a.tokens[m.block]!
    if (toks[m.t0]!.lower !== 'the' || ANONYMOUS_ROLES.has(toks[m.t1 - 1]!.lower)) return NO_SPEAKER
    for (let k = m.t0; k < m.t1; k += 1) if (toks[k]!.possessive) return NO_SPEAKER
    const pos = toks[m.t0]!.start
    for (let e = this.events.length - 1; e >= 0; e -= 1) {
      const ev = this.events[e]!
      if (ev.block > m.block || (ev.block === m.block && ev.pos >= pos)) continue
      if (ev.block < m.block - 1) break
      if (!ev.entity.startsWith('person:')) return NO_SPEAKER
      const gender = this.genders.get(ev.entity)
      const wanted = genderOfRole(toks[m.t1 - 1]!.lower)
      if (gender && wanted && gender !== wanted) return NO_SPEAKER
      // "Mayor X met the governor. "...," said the governor": a person with another title is someone else.
      const held = this.a.entities.get(ev.entity)?.role?.toLowerCase().split(/\s+/).pop()
      if (held && isRoleHead(held) && held !== toks[m.t1 - 1]!.lower) return NO_SPEAKER
      return { entity: ev.entity, method: 'role', confidence: 0.55 }
    }
    return NO_SPEAKER
  }

  /** "the company said": the organisation named last as a speaker or subject, within two paragraphs. */
  private organisationNoun(hit: CueHit): Attribution {
    const toks = this.a.tokens[hit.block]!
    if (hit.v - hit.t0 !== 2 || toks[hit.t0]!.lower !== 'the' || !ORG_NOUNS.has(toks[hit.t0 + 1]!.lower))
      return NO_SPEAKER
    const pos = toks[hit.t0]!.start
    for (let e = this.events.length - 1; e >= 0 && e >= this.events.length - 16; e -= 1) {
      const ev = this.events[e]!
      if (ev.block > hit.block || (ev.block === hit.block && ev.pos >= pos)) continue
      if (ev.block < hit.block - 2) break
      if (ev.entity.startsWith('organization:')) return { entity: ev.entity, method: 'role', confidence: 0.6 }
    }
    return NO_SPEAKER
  }

  private pronoun(m: Mention): Attribution {
    const toks = this.a.tokens[m.block]!
    if (m.lower === 'who') {
      // "Sheila Smith, who said": the name before the comma.
      if (toks[m.t0]!.punctBefore !== ',' || m.t0 === 0) return NO_SPEAKER
      const antecedent = this.a.mentionAt[m.block]![m.t0 - 1]
      if (!antecedent || antecedent.t1 !== m.t0 || !antecedent.entity) return NO_SPEAKER
      const method: Method = antecedent.kind === 'role' ? 'role' : 'name'
      return { entity: antecedent.entity, method, confidence: method === 'role' ? 0.8 : 0.9 }
    }
    if (m.lower === 'they') return NO_SPEAKER
    const wantOrg = m.lower === 'it'
    const want = m.lower === 'she' ? 'f' : m.lower === 'he' ? 'm' : null
    const pos = toks[m.t0]!.start
    // Only the recent past: an antecedent is never hundreds of names back.
    for (let e = this.events.length - 1; e >= 0 && e >= this.events.length - 64; e -= 1) {
      const ev = this.events[e]!
      if (ev.block > m.block || (ev.block === m.block && ev.pos >= pos)) continue
      const isOrg = ev.entity.startsWith('organization:')
      if (wantOrg !== isOrg) continue
      const gender = this.genders.get(ev.entity)
      if (want && gender && gender !== want) continue
      if (want && !gender) this.genders.set(ev.entity, want)
      return { entity: ev.entity, method: 'pronoun', confidence: 0.7 }
    }
    return want ? this.namedBefore(m, want) : NO_SPEAKER
  }

  /**
   * When no subject fits, the nearest person named earlier in this or the two paragraphs before whose known
   * gender fits ("questioned the nominee, Peter Vance, ... "...," he replied").
   */
  private namedBefore(m: Mention, want: 'm' | 'f'): Attribution {
    for (let b = m.block; b >= 0 && b >= m.block - 2; b -= 1) {
      const list = this.a.mentions[b]!
      for (let k = list.length - 1; k >= 0; k -= 1) {
        const other = list[k]!
        if (b === m.block && other.t0 >= m.t0) continue
        if (other.kind !== 'person' || !other.entity || this.a.tokens[b]![other.t0]!.inQuote) continue
        if (this.genders.get(other.entity) === want) {
          return { entity: other.entity, method: 'pronoun', confidence: 0.6 }
        }
      }
    }
    return NO_SPEAKER
  }
}

// ---------------------------------------------------------------------------------------------------------
// Quotes to cues

/** How many of the ascending `values` are at most `pos` (binary search). */
function countAtMost(values: readonly number[], pos: number): number {
  let lo = 0
  let hi = values.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (values[mid]! <= pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Index of the first hit whose verb is at or after token `k`. */
function hitAtOrAfter(hits: readonly CueHit[], k: number): number {
  let lo = 0
  let hi = hits.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (hits[mid]!.v < k) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The span of text a cue covers, as a schema Cue. */
function cueOf(a: TextAnalysis, hit: CueHit, method: Method, verb?: string): Cue {
  const toks = a.tokens[hit.block]!
  const block = a.blocks[hit.block]!
  let start = toks[hit.t0]!.start
  let end = toks[hit.t1 - 1]!.end
  if (end < start) [start, end] = [end, start]
  return {
    text: block.text.slice(start, end),
    verb: verb ?? hit.verb,
    paragraphId: block.id,
    start,
    end,
    method,
  }
}

const CLOSING_GAP = new Set([',', '—', '–', '-', ';'])

/** True when only spaces and closing punctuation stand between `from` and `to`. */
function adjacent(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const ch = text[i]!
    if (!isSpace(ch) && !CLOSING_GAP.has(ch)) return false
  }
  return true
}

function lastInnerChar(text: string, q: QuoteSpan): string {
  return text[q.end - 1] ?? ''
}

interface Found {
  hit: CueHit | null
  attribution: Attribution
  /** The cue's method and verb override (continuations, echoes point at another quote's cue). */
  cue: Cue | null
}

function pickCue(
  a: TextAnalysis,
  sentences: readonly SentenceIndex[],
  q: QuoteSpan,
  hits: readonly CueHit[],
  resolved: Map<CueHit, Attribution>,
): CueHit | null {
  const b = q.blockIndex
  const text = a.blocks[b]!.text
  const toks = a.tokens[b]!
  const closeEnd = q.close < 0 ? text.length : q.close + 1
  const afterTok = tokenAtOrAfter(toks, closeEnd)
  const afterHit = hitAtOrAfter(hits, afterTok)
  // 1. Right after the quote (the verb is at most a few words on: "said X", "the U.S. president said").
  const last = lastInnerChar(text, q)
  for (let h = afterHit; h < hits.length && h < afterHit + 2; h += 1) {
    const hit = hits[h]!
    if (hit.t0 < afterTok) continue
    const start = toks[hit.t0]!.start
    if (!adjacent(text, closeEnd, start)) break
    // After a full stop inside the marks only a lowercase cue continues the sentence ("...done." he said).
    if (last === '.' && !isLower(toks[hit.t0]!.text[0])) break
    return hit
  }
  // 1b. A sign-off after the closing mark: ""...." — Dana Lee, a farmer", ""...." —Mayor Carl Fenn".
  const dash = skipSpaceForwardIn(text, closeEnd)
  // Typewriter dashes ("--Dana Lee") sign off too.
  const width = text[dash] === '—' || text[dash] === '–' ? 1 : text.startsWith('--', dash) ? 2 : 0
  if (width > 0) {
    const k = tokenAtOrAfter(toks, dash + width)
    const first = mentionStartingAt(a, b, k)
    const m = first && first.kind === 'person' ? first : k > 0 ? titledPersonAfter(a, b, k - 1) : null
    if (m && toks[k]!.start - dash <= width + 1) {
      return { block: b, v: k, t0: m.t0, t1: m.t1, verb: '—', subject: m, sentence: toks[k]!.sentence }
    }
  }
  const openTok = tokenAtOrAfter(toks, q.open)
  // 2. A colon right before the quote: "Trump: ...", "Abe said: ...".
  let c = q.open - 1
  while (c >= 0 && isSpace(text[c])) c -= 1
  if (text[c] === ':') {
    const k = openTok - 1
    if (k >= 0 && toks[k]!.fullEnd <= c && adjacent(text, toks[k]!.fullEnd, c)) {
      const before = hitAtOrAfter(hits, k + 1) - 1
      const verbHit = hits[before]
      if (verbHit && verbHit.t1 === k + 1) return verbHit
      // "Senator Grace Holt wrote on social media: ...": the verb's subject, not the words before the colon.
      if (verbHit && verbHit.subject && verbHit.sentence === toks[k]!.sentence) return verbHit
      const m = a.mentionAt[b]![k]
      if (m && m.t1 === k + 1 && !toks[k]!.inQuote && m.kind !== 'place') {
        return { block: b, v: k, t0: m.t0, t1: m.t1, verb: ':', subject: m, sentence: toks[k]!.sentence }
      }
      // "Choi Min-ho, a professor ..., was blunt: "..."": no cue verb, but the sentence's subject introduces it.
      const sentence = toks[k]!.sentence
      const hasVerb = verbHit !== undefined && verbHit.sentence === sentence
      const first = sentences[b]!.firstToken[sentence] ?? k
      const subject = a.mentionAt[b]![first]
      if (
        !hasVerb &&
        subject &&
        subject.t0 === first &&
        !toks[first]!.inQuote &&
        (subject.kind === 'person' || subject.kind === 'organization')
      ) {
        return { block: b, v: k, t0: subject.t0, t1: k + 1, verb: ':', subject, sentence }
      }
    }
  }
  const sentence = countAtMost(a.sentenceStarts[b]!, q.open)
  // 3. The nearest cue before it in its sentence.
  for (let h = hitAtOrAfter(hits, openTok) - 1; h >= 0; h -= 1) {
    const hit = hits[h]!
    if (hit.t1 > openTok) continue
    if (hit.sentence !== sentence) break
    return hit
  }
  // 4. A cue later in its sentence (one with a subject; a bare verb there is not about this quote).
  for (let h = afterHit; h < hits.length && h < afterHit + 16; h += 1) {
    const hit = hits[h]!
    if (hit.t0 < afterTok) continue
    if (hit.sentence !== sentence) break
    if (resolved.get(hit) === NO_SPEAKER && !hit.subject) continue
    return hit
  }
  return null
}

function skipSpaceForwardIn(text: string, i: number): number {
  while (i < text.length && isSpace(text[i])) i += 1
  return i
}

function wordsOf(text: string): string {
  const expanded = text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'can not')
    .replace(/n't\b/g, ' not')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
  return ` ${expanded.trim()} `
}

/** Finds every direct quotation in the blocks and attributes each to a canonical speaker. */
export function analyseQuotes(blocks: readonly Paragraph[]): { quotes: Quote[]; speakers: Speaker[] } {
  const a = analyseText(blocks)
  const sentences = indexSentences(a)
  const cues = findCues(a, sentences)
  const resolver = new Resolver(a)

  // Resolve every cue and note sentence subjects in reading order, so a pronoun sees only what came before it.
  const resolved = new Map<CueHit, Attribution>()
  for (let b = 0; b < blocks.length; b += 1) {
    const toks = a.tokens[b]!
    const hits = cues[b]!
    let h = 0
    let lastSentence = -1
    for (const m of a.mentions[b]!) {
      const tok = toks[m.t0]!
      while (h < hits.length && toks[hits[h]!.t0]!.start <= tok.start) {
        const hit = hits[h++]!
        const attribution = resolver.subject(hit)
        resolved.set(hit, attribution)
        resolver.note(b, toks[hit.t0]!.start, attribution.entity)
      }
      // The first person or organisation in a sentence, outside quotes and near its start, is its subject.
      if (
        tok.sentence !== lastSentence &&
        !tok.inQuote &&
        m.entity &&
        (m.kind === 'person' || m.kind === 'role' || m.kind === 'organization')
      ) {
        lastSentence = tok.sentence
        const first = sentences[b]!.firstToken[tok.sentence] ?? m.t0
        if (m.t0 - first <= 8) resolver.note(b, tok.start, m.entity)
      }
    }
    while (h < hits.length) {
      const hit = hits[h++]!
      const attribution = resolver.subject(hit)
      resolved.set(hit, attribution)
      resolver.note(b, toks[hit.t0]!.start, attribution.entity)
    }
  }

  const events = [...resolver.events].sort((x, y) => x.block - y.block || x.pos - y.pos)

  // Attribute quotes in reading order.
  const found: Found[] = []
  const lastSpeakerOfBlock: ({ found: Found; pos: number } | null)[] = blocks.map(() => null)
  for (let i = 0; i < a.quotes.length; i += 1) {
    const q = a.quotes[i]!
    const b = q.blockIndex
    // Someone the speaker quotes is not the speaker: a quotation inside a quotation gets nobody.
    const hit = q.nested || q.title || q.label ? null : pickCue(a, sentences, q, cues[b]!, resolved)
    let result: Found
    if (q.label) {
      result = labelled(a, q, q.label)
    } else if (hit) {
      let attribution = resolved.get(hit) ?? resolver.subject(hit)
      const toks = a.tokens[b]!
      // A sentence's subject introducing a quote with a colon but no speech verb is weaker evidence.
      if (attribution.entity && hit.verb === ':' && hit.subject && hit.subject.t1 < hit.t1) {
        attribution = { ...attribution, confidence: attribution.confidence - 0.1 }
      }
      // A cue far before a fragment is weaker evidence.
      if (attribution.entity && toks[hit.t1 - 1]!.end <= q.open) {
        const between = tokenAtOrAfter(toks, q.open) - hit.t1
        if (between > 15) attribution = { ...attribution, confidence: attribution.confidence - 0.1 }
      }
      result = { hit, attribution, cue: cueOf(a, hit, attribution.method) }
    } else {
      result = { hit: null, attribution: NO_SPEAKER, cue: null }
    }
    // 5. The quote before it in the same paragraph, unless someone else became the subject in between
    //    ("\"A,\" Trump said. Abe disagreed. \"B.\"" leaves B unattributed rather than guess).
    let p = i - 1
    while (p >= 0 && (a.quotes[p]!.nested || a.quotes[p]!.title)) p -= 1
    if (!q.nested && !q.title && !result.attribution.entity && !result.cue && p >= 0) {
      const prev = found[p]!
      const pq = a.quotes[p]!
      const pqEnd = pq.close < 0 ? a.blocks[b]!.text.length : pq.close
      if (
        pq.blockIndex === b &&
        prev.attribution.entity &&
        prev.cue &&
        !otherSubjectBetween(events, b, pqEnd, b, q.open, prev.attribution.entity)
      ) {
        result = {
          hit: prev.hit,
          attribution: { ...prev.attribution, confidence: Math.max(0.5, prev.attribution.confidence - 0.05) },
          cue: prev.cue,
        }
      }
    }
    found.push(result)
  }

  const quoteIndex = new Map(a.quotes.map((x, k) => [x, k]))
  const entityOf: EntityOf = (m) =>
    resolver.subject({ block: m.block, v: m.t1, t0: m.t0, t1: m.t1, verb: '', subject: m, sentence: -1 })
      .entity
  const subjectOf: SubjectOf = (ref) => {
    const first = sentences[ref.block]!.subject[ref.sentence] ?? possessiveColon(a, sentences, ref)
    if (!first || first.kind !== 'pronoun' || entityOf(first)) return first
    // "Asked whether he would run again, Mr. Delgado smiled": an unresolved pronoun in a leading clause
    // points ahead to the named subject.
    const toks = a.tokens[ref.block]!
    const named = a.mentions[ref.block]!.find(
      (m) =>
        m.t0 > first.t0 &&
        toks[m.t0]!.sentence === ref.sentence &&
        !toks[m.t0]!.inQuote &&
        m.entity !== null &&
        (m.kind === 'person' || m.kind === 'role'),
    )
    return named ?? first
  }

  // 6. Multi-paragraph quotations share one attribution; paragraph-opening quotes continue the previous speaker;
  //    a quotation with no cue goes to the person the sentence before (or after) it is about.
  for (let i = 0; i < a.quotes.length; i += 1) {
    const q = a.quotes[i]!
    if (q.continuesTo && !q.continuesFrom) {
      // Find the chain's best-attributed segment and give it to every segment.
      let j = i
      while (j + 1 < a.quotes.length && a.quotes[j]!.continuesTo && a.quotes[j + 1]!.continuesFrom) j += 1
      let best: Found | null = null
      for (let k = i; k <= j; k += 1)
        if (
          found[k]!.attribution.entity &&
          (!best || found[k]!.attribution.confidence > best.attribution.confidence)
        )
          best = found[k]!
      if (best) for (let k = i; k <= j; k += 1) if (!found[k]!.attribution.entity) found[k] = best
    }
  }
  for (let i = 0; i < a.quotes.length; i += 1) {
    const q = a.quotes[i]!
    const b = q.blockIndex
    const f = found[i]!
    if (!f.attribution.entity && !f.cue && b > 0) {
      const text = a.blocks[b]!.text
      let first = 0
      while (first < text.length && isSpace(text[first])) first += 1
      const prevBlock = a.blocks[b - 1]!
      if (
        q.open === first &&
        prevBlock.id !== 'headline' &&
        prevBlock.id !== 'deck' &&
        a.blocks[b]!.id !== 'deck'
      ) {
        const source = lastSpeakerOfBlock[b - 1] ?? lastCueSubject(a, cues[b - 1]!, resolved)
        const entity = source?.found.attribution.entity
        if (
          source &&
          entity &&
          source.found.cue &&
          !otherSubjectBetween(events, b - 1, source.pos, b, q.open, entity)
        ) {
          const { hit, cue } = source.found
          found[i] = {
            hit,
            attribution: { entity, method: 'continuation', confidence: 0.6 },
            cue: { ...cue!, verb: 'continuation', method: 'continuation' },
          }
        }
      }
    }
    if (!found[i]!.attribution.entity && !found[i]!.cue) {
      const intro = introducedSpeaker(a, q, subjectOf, entityOf, (x) => {
        const k = quoteIndex.get(x)
        return k === undefined || k >= found.length ? null : found[k]!.attribution.entity
      })
      if (intro) found[i] = introducedFound(a, intro)
    }
    const now = found[i]!
    if (now.attribution.entity) {
      lastSpeakerOfBlock[b] = { found: now, pos: q.close < 0 ? a.blocks[b]!.text.length : q.close }
    }
  }

  // 7. Echoes: a title's uncued quote whose words (two or more) appear in an attributed quote.
  let normalised: string[] | null = null
  let echoes = 0
  for (let i = 0; i < a.quotes.length && echoes < 16; i += 1) {
    const f = found[i]!
    const q = a.quotes[i]!
    if (f.attribution.entity || f.cue || !isTitleBlock(q.paragraphId)) continue
    echoes += 1
    normalised ??= a.quotes.map((x, k) => (found[k]!.attribution.entity ? wordsOf(x.text) : ''))
    const words = wordsOf(q.text)
    if (words.trim().split(' ').length < 2) continue
    for (let k = 0; k < a.quotes.length; k += 1) {
      const other = found[k]!
      if (k === i || !other.attribution.entity || other.attribution.method === 'echo') continue
      if (!normalised[k]!.includes(words)) continue
      const source = a.quotes[k]!
      found[i] = {
        hit: null,
        attribution: { entity: other.attribution.entity, method: 'echo', confidence: 0.5 },
        cue: {
          text: source.text,
          verb: 'echo',
          paragraphId: source.paragraphId,
          start: source.start,
          end: source.end,
          method: 'echo',
        },
      }
      break
    }
  }

  // Output: quotes in reading order; speakers in order of their first quote.
  const quotes: Quote[] = []
  const speakers: Speaker[] = []
  const speakerIds = new Set<string>()
  for (let i = 0; i < a.quotes.length; i += 1) {
    const q = a.quotes[i]!
    // A book's or programme's name in quotation marks is nobody's words.
    if (q.title) continue
    const f = found[i]!
    const record = f.attribution.entity ? a.entities.get(f.attribution.entity) : undefined
    let kind = q.kind
    if (!record && !f.cue && kind === 'partial' && q.text.split(/\s+/).length <= 3) kind = 'scare'
    // "Whitmore says state 'will not back down'": a title's quote its own cue attributes is the speaker's words.
    if (kind === 'scare' && record && f.cue && f.cue.method !== 'echo' && isTitleBlock(q.paragraphId))
      kind = 'partial'
    if (record && !speakerIds.has(record.id)) {
      speakerIds.add(record.id)
      speakers.push({ id: record.id, name: record.name, role: record.role })
    }
    quotes.push({
      id: `q${quotes.length + 1}`,
      paragraphId: q.paragraphId,
      start: q.start,
      end: q.end,
      text: q.text,
      kind,
      speakerId: record ? record.id : null,
      confidence: record ? Math.round(f.attribution.confidence * 100) / 100 : 0,
      cue: f.cue ? { ...f.cue, method: record ? f.cue.method : 'none' } : null,
    })
  }
  return { quotes, speakers }
}

/**
 * "Her answer is always the same: "..."": a sentence that opens with his or her and introduces a quotation
 * with a colon stands for he or she (a pronoun mention made for the resolver).
 */
function possessiveColon(
  a: TextAnalysis,
  sentences: readonly SentenceIndex[],
  ref: { block: number; sentence: number },
): Mention | undefined {
  const toks = a.tokens[ref.block]!
  const k = sentences[ref.block]!.firstToken[ref.sentence]
  const t = k === undefined ? undefined : toks[k]
  if (!t || t.inQuote || (t.lower !== 'her' && t.lower !== 'his')) return undefined
  let colon = false
  for (let j = k! + 1; j < toks.length && toks[j]!.sentence === ref.sentence && !colon; j += 1)
    colon = toks[j]!.inQuote && /:\s*["“'‘«„]/.test(toks[j]!.punctBefore)
  if (!colon) return undefined
  const lower = t.lower === 'her' ? 'she' : 'he'
  return {
    block: ref.block,
    t0: k!,
    t1: k! + 1,
    start: t.start,
    end: t.end,
    kind: 'pronoun',
    entity: null,
    candidates: [],
    lower,
  }
}

/** The attribution of a quotation introduced by the sentence before or after it; the cue is that subject. */
function introducedFound(a: TextAnalysis, intro: IntroducedSpeaker): Found {
  const m = intro.mention
  const block = a.blocks[m.block]!
  return {
    hit: null,
    attribution: { entity: intro.entity, method: 'continuation', confidence: intro.before ? 0.55 : 0.5 },
    cue: {
      text: block.text.slice(m.start, m.end),
      verb: intro.before ? 'introduced before' : 'named after',
      paragraphId: block.id,
      start: m.start,
      end: m.end,
      method: 'continuation',
    },
  }
}

/** A transcript turn's speaker: the person whose full name or surname the label is ("LEE:" → Dana Lee). */
function labelled(a: TextAnalysis, q: QuoteSpan, label: { start: number; end: number }): Found {
  const block = a.blocks[q.blockIndex]!
  const key = personKey(block.text.slice(label.start, label.end))
  const cue: Cue = {
    text: block.text.slice(label.start, label.end),
    verb: ':',
    paragraphId: block.id,
    start: label.start,
    end: label.end,
    method: 'name',
  }
  let entity: string | null = a.entities.has(`person:${key}`) ? `person:${key}` : null
  if (!entity) {
    const matches = [...a.entities.values()].filter((e) => e.type === 'person' && e.key.endsWith(` ${key}`))
    if (matches.length === 1) entity = matches[0]!.key
  }
  return { hit: null, attribution: entity ? { entity, method: 'name', confidence: 0.9 } : NO_SPEAKER, cue }
}

/** The last cue in a block that named a speaker (a paragraph of reported speech before a quote paragraph). */
function lastCueSubject(
  a: TextAnalysis,
  hits: readonly CueHit[],
  resolved: Map<CueHit, Attribution>,
): { found: Found; pos: number } | null {
  for (let h = hits.length - 1; h >= 0; h -= 1) {
    const hit = hits[h]!
    const attribution = resolved.get(hit)
    if (attribution && attribution.entity) {
      const pos = a.tokens[hit.block]![hit.t1 - 1]!.end
      return { found: { hit, attribution, cue: cueOf(a, hit, attribution.method) }, pos }
    }
  }
  return null
}

/**
 * Whether a different person or organisation was named as a speaker or sentence subject strictly between two
 * positions (block, offset). `events` is sorted; only the events in the range are visited.
 */
function otherSubjectBetween(
  events: readonly SalienceEvent[],
  fromBlock: number,
  fromPos: number,
  toBlock: number,
  toPos: number,
  entity: string,
): boolean {
  let lo = 0
  let hi = events.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const e = events[mid]!
    if (e.block < fromBlock || (e.block === fromBlock && e.pos <= fromPos)) lo = mid + 1
    else hi = mid
  }
  for (let k = lo; k < events.length; k += 1) {
    const e = events[k]!
    if (e.block > toBlock || (e.block === toBlock && e.pos >= toPos)) return false
    if (e.entity !== entity) return true
  }
  return false
}
