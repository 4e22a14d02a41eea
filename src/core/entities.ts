/**
 * People, places and organisations, found by rules that read the article itself, and the shared text analysis
 * (tokens, sentences, mentions) that speakers.ts attributes quotes with. Pure; one linear pass per step.
 *
 * Decisions, in one place:
 * - A capitalised name is a person when the article says so: a title or role noun stands before it ("CIA
 *   Director Mike Pompeo", "North Korean leader Kim Jong Un", "Mr. Abe"), a speech verb stands next to it
 *   ("said Sheila Smith", "Trump said"), or an apposition describes it ("Sheila Smith, senior fellow ...").
 *   Names mentioned bare and never introduced that way are not guessed at.
 * - One person per name: "Kim Jong Un" and "Kim Jong-un" share the key "kim jong un"; a single word ("Trump",
 *   "Kim") is the person whose first or last name it is; when two people share it, the one mentioned most
 *   recently. Ids are slugs of the canonical name, so they agree across articles.
 * - Role phrases the article attaches to a person ("U.S. President", "Japanese Prime Minister") are learned, so
 *   "the U.S. president" later is a mention of that person. When several people hold a matching role, the one
 *   mentioned most recently is chosen.
 * - Places come from a general gazetteer (lexicon-places.ts) and from the article ("at Mar-a-Lago resort",
 *   "in Palm Beach, Florida"). Demonyms are mentions of their country ("Japanese citizens" mentions Japan):
 *   comparison and search want every reference to a country, and the mention's text shows the adjective.
 * - Organisations: capitalised names with an organisation word (Council, Ministry, Bank ...), acronyms (CIA),
 *   and a short list of institutions named without one (White House, United Nations).
 * - Mentions of different entities never overlap: people first, then organisations, then places.
 */
import { SUBJECT_PRONOUNS, SUBJECT_VERB_FILLERS } from './lexicon-cues'
import { GIVEN_NAME_GENDER } from './people/first-names'
import { familyWord, foldFamilyNames } from './people/name-forms'
import { CUE_VERBS, INVERSION_VERBS } from './quotes/cue-words'
import { CORPORATE_SUFFIXES, KNOWN_ORGS, NOT_ACRONYMS, ORG_CONNECTORS, ORG_KEYWORDS } from './lexicon-orgs'
import { MAX_PLACE_WORDS, PLACE_NOUNS, PLACES, placeKey, type PlaceEntry } from './lexicon-places'
import { GENDERED_ROLES, HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon-roles'
import {
  DAYS,
  FUNCTION_WORDS,
  GROUP_NOUNS,
  MONTHS,
  OTHER_ABBREVIATIONS,
  TITLE_ABBREVIATIONS,
} from './lexicon-words'
import {
  findQuotes,
  findSentenceStarts,
  isTitleBlock,
  isDigit,
  isLetter,
  isLower,
  isSpace,
  isUpper,
  type QuoteSpan,
} from './quotes'
import type { Entity, EntityType, Paragraph, Speaker, Span } from './schema'

export interface Token {
  start: number
  /** End of the word; a possessive `'s` or trailing apostrophe is left out. */
  end: number
  /** End including the possessive ending. */
  fullEnd: number
  text: string
  /** Lowercase, curly apostrophes straightened. */
  lower: string
  /** Folded for name keys: ASCII, no accents, apostrophes or stops ("O’Brien" → "obrien", "F." → "f"). */
  fold: string
  cap: boolean
  /** Two or more letters, all capitals ("CIA"). */
  allCaps: boolean
  /** Has inner full stops ("U.S.", "a.m."). */
  initialism: boolean
  possessive: boolean
  /** Glued to the previous token by a hyphen ("Jong-un"). */
  hyphenBefore: boolean
  /** Non-space characters between the previous token and this one ("", ",", ", \"", "-"). */
  punctBefore: string
  inQuote: boolean
  /** Sentence number within the block. */
  sentence: number
  /** Could be part of a person's name: capitalised, not a title, function word, day or month. */
  nameWord: boolean
}

/** Index of the first token starting at or after `pos` (tokens are in order: a binary search). */
export function tokenAtOrAfter(toks: readonly Token[], pos: number): number {
  let lo = 0
  let hi = toks.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (toks[mid]!.start < pos) lo = mid + 1
    else hi = mid
  }
  return lo
}

export type MentionKind = 'person' | 'organization' | 'place' | 'role' | 'pronoun' | 'group'

export interface Mention {
  block: number
  /** Token range [t0, t1); `t0` includes a leading determiner for role mentions ("the U.S. president"). */
  t0: number
  t1: number
  /** Character span of what is shown as the mention (no determiner, no possessive). */
  start: number
  end: number
  kind: MentionKind
  /** Entity key, or null when the mention could not be resolved (an unknown role, a pronoun). */
  entity: string | null
  /** Candidate entity keys when the mention is ambiguous (a shared surname, a shared role). */
  candidates: readonly string[]
  /** The pronoun or the role text, lowercase. */
  lower: string
}

export interface EntityRecord {
  key: string
  id: string
  name: string
  type: EntityType
  /** The role the article gives a person ("U.S. President"), or null. */
  role: string | null
  gender: 'm' | 'f' | null
}

export interface TextAnalysis {
  blocks: readonly Paragraph[]
  quotes: readonly QuoteSpan[]
  /** Per block, its quotes in order. */
  blockQuotes: readonly (readonly QuoteSpan[])[]
  tokens: readonly (readonly Token[])[]
  /** Per block, where its sentences start (ascending, never 0). */
  sentenceStarts: readonly (readonly number[])[]
  /** Per block, mentions sorted by position. */
  mentions: readonly (readonly Mention[])[]
  /** Per block, the mention covering each token (by `t0..t1`; a role's determiner is not covered), if any. */
  mentionAt: readonly (readonly (Mention | undefined)[])[]
  /** Per block, the mention starting at each token (a role mention starts at its determiner). */
  mentionStart: readonly (readonly (Mention | undefined)[])[]
  entities: ReadonlyMap<string, EntityRecord>
}

// ---------------------------------------------------------------------------------------------------------
// Tokens

const MARK = /\p{M}/u

function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  if (Number.isNaN(c)) return false
  const ch = text[i]
  return isLetter(ch) || isDigit(ch) || MARK.test(ch!)
}

function isApostrophe(ch: string | undefined): boolean {
  return ch === "'" || ch === '’'
}

/** Words with their offsets; punctuation is kept only as `punctBefore` of the next word. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const n = text.length
  let prevEnd = 0
  let i = 0
  while (i < n) {
    if (!isWordCode(text, i)) {
      i += 1
      continue
    }
    const s = i
    let segStart = i
    let ascii = true
    let letters = 0
    let uppers = 0
    while (i < n) {
      const c = text.charCodeAt(i)
      if (c < 128) {
        if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
          if (c >= 97) letters += 1
          i += 1
          continue
        }
        if (c >= 65 && c <= 90) {
          letters += 1
          uppers += 1
          i += 1
          continue
        }
      } else if (isWordCode(text, i)) {
        ascii = false
        const ch = text[i]
        if (isLetter(ch)) {
          letters += 1
          if (isUpper(ch)) uppers += 1
        }
        i += 1
        continue
      }
      const ch = text[i]
      if (isApostrophe(ch) && isLetter(text[i - 1]) && isLetter(text[i + 1])) {
        ascii = false
        i += 1
        continue
      }
      // "U.S", "a.m": one letter, a stop, one letter.
      if (c === 46 && i - segStart === 1 && isLetter(text[i + 1]) && !isLetter(text[i + 2])) {
        ascii = false
        i += 1
        segStart = i
        continue
      }
      break
    }
    let end = i
    if (text.charCodeAt(i) === 46) {
      const hasDot = !ascii && text.slice(s, end).includes('.')
      const lowerWord = text.slice(s, end).toLowerCase()
      // Keep the stop of an initialism ("U.S."), an initial ("F.") or an abbreviation ("Mr.").
      if (
        hasDot ||
        (end - s === 1 && isUpper(text[s])) ||
        TITLE_ABBREVIATIONS.has(lowerWord) ||
        OTHER_ABBREVIATIONS.has(lowerWord)
      ) {
        i += 1
        end = i
        ascii = false
      }
    }
    let fullEnd = end
    let possessive = false
    const last = text.charCodeAt(end - 1)
    if (end - s > 2 && isApostrophe(text[end - 2]) && (last === 115 || last === 83)) {
      end -= 2
      possessive = true
      if (last === 83) uppers -= 1
      letters -= 1
    } else if (isApostrophe(text[end]) && (last === 115 || last === 83) && !isLetter(text[end + 1])) {
      fullEnd = end + 1
      possessive = true
      i = fullEnd
    }
    let punct = ''
    for (let k = prevEnd; k < s; k += 1) {
      const c = text.charCodeAt(k)
      if (c === 32 || c === 10) continue
      const ch = text[k]!
      if (!isSpace(ch)) punct += ch
    }
    const word = text.slice(s, end)
    // Most words are plain lowercase ASCII: no new string for them.
    const lowerRaw = ascii && uppers === 0 ? word : word.toLowerCase()
    const lower = ascii ? lowerRaw : lowerRaw.replace(/’/g, "'")
    const dot = ascii ? -1 : word.indexOf('.')
    tokens.push({
      start: s,
      end,
      fullEnd,
      text: word,
      lower,
      fold: ascii ? lower : foldWord(word),
      cap: isUpper(word[0]),
      allCaps: letters >= 2 && uppers === letters,
      initialism: word.length > 2 && dot > 0 && dot < word.length - 1,
      possessive,
      hyphenBefore: (punct === '-' || punct === '‐') && s === prevEnd + 1 && tokens.length > 0,
      punctBefore: punct,
      inQuote: false,
      sentence: 0,
      nameWord: false,
    })
    prevEnd = fullEnd
  }
  for (const t of tokens) t.nameWord = computeNameWord(t)
  // "J.R. Castellanos": initials are a name word only right before one (never "U.S." or "F.B.I." alone).
  for (let k = 0; k + 1 < tokens.length; k += 1) {
    const t = tokens[k]!
    const next = tokens[k + 1]!
    if (
      t.initialism &&
      INITIALS.test(t.text) &&
      next.nameWord &&
      next.punctBefore === '' &&
      !PLACE_INITIALS.has(t.lower)
    )
      t.nameWord = true
  }
  return tokens
}

// ---------------------------------------------------------------------------------------------------------
// Names and keys

/** `personKey` of one word, with a fast path for plain ASCII words (most of them). */
function foldWord(word: string): string {
  let out = ''
  for (let k = 0; k < word.length; k += 1) {
    const c = word.charCodeAt(k)
    if (c >= 97 && c <= 122) out += word[k]
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32)
    else if (c >= 48 && c <= 57) out += word[k]
    else if (c === 39 || c === 46 || c === 0x2019) continue
    else return personKey(word)
  }
  return out
}

/** The name key of the tokens `[s, e)`: their folded words joined by single spaces. */
function runKey(toks: readonly Token[], s: number, e: number): string {
  let key = ''
  for (let k = s; k < e; k += 1) {
    const t = toks[k]!
    // Initials key as the name's key does ("J.R." → "j r").
    const f = t.initialism && t.nameWord ? personKey(t.text) : t.fold
    if (f === '') continue
    key = key === '' ? f : `${key} ${f}`
  }
  return key
}

/** Readable slug: lowercase ASCII letters and digits separated by single hyphens. */
export function slugOf(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 100)
  return slug.replace(/-+$/, '')
}

/** "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN" share the key "kim jong un". */
export function personKey(name: string): string {
  return slugOf(name).replace(/-/g, ' ')
}

const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'du',
  'dos',
  'del',
  'ter',
])

function isTitleWord(lower: string): boolean {
  const bare = lower.endsWith('.') ? lower.slice(0, -1) : lower
  return ROLE_HEADS.has(bare) || ROLE_MODIFIERS.has(bare) || HONORIFICS.has(lower) || GENDERED_ROLES.has(bare)
}

/** A noun that heads a role phrase ("president", "spokeswoman", "sister"). */
export function isRoleHead(lower: string): boolean {
  return ROLE_HEADS.has(lower) || GENDERED_ROLES.has(lower)
}

/** Could this word be part of a person's name? (Worked out once per token, in `tokenize`.) */
function isNameWord(t: Token): boolean {
  return t.nameWord
}

const INITIALS = /^(?:\p{Lu}\.){2,3}$/u
/** Initials that name places, not people ("U.S. Steel", "D.C. Council"). */
const PLACE_INITIALS = new Set(['u.s.', 'u.k.', 'u.n.', 'e.u.', 'd.c.', 'l.a.', 'n.y.'])

function computeNameWord(t: Token): boolean {
  if (!t.cap || t.initialism) return false
  if (t.text.length === 2 && t.text[1] === '.') return true // a middle initial
  if (t.allCaps) return false
  for (let k = 0; k < t.text.length; k += 1) if (isDigit(t.text[k])) return false
  const lower = t.lower
  return (
    !FUNCTION_WORDS.has(lower) &&
    !GROUP_NOUNS.has(lower) &&
    !DAYS.has(lower) &&
    !MONTHS.has(lower) &&
    !isTitleWord(lower) &&
    !SUBJECT_PRONOUNS.has(lower)
  )
}

/** End (exclusive) of the run of name words starting at `i`, within one sentence, joined only by spaces. */
function nameRunEnd(tokens: readonly Token[], i: number): number {
  let j = i
  while (j < tokens.length && j - i < 6) {
    const t = tokens[j]!
    if (j > i) {
      const prev = tokens[j - 1]!
      if (t.sentence !== prev.sentence || prev.possessive) break
      if (t.hyphenBefore) {
        j += 1
        continue
      }
      if (t.punctBefore !== '') break
      if (!isNameWord(t)) {
        // "van der Berg", "de la Cruz": one or two particles, then a name word.
        let n = j
        while (
          n < j + 2 &&
          n < tokens.length &&
          PARTICLES.has(tokens[n]!.lower) &&
          tokens[n]!.punctBefore === ''
        )
          n += 1
        const after = tokens[n]
        if (n > j && after && after.punctBefore === '' && isNameWord(after)) {
          j = n
          continue
        }
        break
      }
    } else if (!isNameWord(t)) break
    j += 1
  }
  return j
}

// ---------------------------------------------------------------------------------------------------------
// Places and organisations

interface PlaceMatch {
  t1: number
  entry: PlaceEntry
}

/** Longest gazetteer match starting at each token (a map hit per candidate length). */
/** Every word-prefix of the keys ("north korea" → "north"), so phrase matching stops as soon as it can. */
function prefixesOf(keys: Iterable<string>): Set<string> {
  const out = new Set<string>()
  for (const key of keys) {
    for (let k = 0; k < key.length; k += 1) if (key[k] === ' ' || key[k] === '-') out.add(key.slice(0, k))
  }
  return out
}

const PLACE_PREFIXES = prefixesOf(PLACES.keys())

/**
 * The longest phrase of `table` starting at token `i` (at most `maxWords` words, within a sentence, joined by
 * spaces or hyphens). Keys grow a word at a time and stop at the first that no entry starts with.
 */
function longestPhrase<V>(
  tokens: readonly Token[],
  i: number,
  maxWords: number,
  lookup: (key: string) => V | undefined,
  isPrefix: (key: string) => boolean,
): { t1: number; value: V } | undefined {
  const t = tokens[i]!
  let best: { t1: number; value: V } | undefined
  let key = t.lower
  for (let j = i; j < tokens.length && j - i < maxWords; j += 1) {
    const tj = tokens[j]!
    if (j > i) {
      if (tj.sentence !== t.sentence || tokens[j - 1]!.possessive) break
      if (tj.punctBefore !== '' && !tj.hyphenBefore) break
      key = `${key}${tj.hyphenBefore ? '-' : ' '}${tj.lower}`
    }
    const value = lookup(key)
    if (value !== undefined) best = { t1: j + 1, value }
    if (!isPrefix(key)) break
  }
  return best
}

function matchPlaces(tokens: readonly Token[], learned: ReadonlyMap<string, PlaceEntry>) {
  const learnedPrefixes = prefixesOf(learned.keys())
  const lookup = (key: string) => PLACES.get(key) ?? learned.get(key)
  const isPrefix = (key: string) => PLACE_PREFIXES.has(key) || learnedPrefixes.has(key)
  const at: (PlaceMatch | undefined)[] = new Array(tokens.length)
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i]!
    if (!t.cap) continue
    // "inter-Korean", "anti-American": an adjective glued to a lowercase prefix is not a mention.
    if (t.hyphenBefore && !tokens[i - 1]!.cap) continue
    const best = longestPhrase(tokens, i, MAX_PLACE_WORDS, lookup, isPrefix)
    if (best) at[i] = { t1: best.t1, entry: best.value }
  }
  return at
}

const KNOWN_ORG_FORMS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>()
  for (const line of KNOWN_ORGS) {
    const [name, ...aliases] = line.split('|') as [string, ...string[]]
    for (const form of [name, ...aliases]) map.set(placeKey(form), name)
  }
  return map
})()
const KNOWN_ORG_PREFIXES = prefixesOf(KNOWN_ORG_FORMS.keys())

function isOrgKeyword(t: Token): boolean {
  return t.cap && ORG_KEYWORDS.has(t.lower)
}

/**
 * An organisation named with a keyword: capitalised words, the keyword, then optionally a connector and more
 * capitalised words ("Council on Foreign Relations", "Bank of Japan", "Korean Central News Agency").
 */
function orgRunAt(tokens: readonly Token[], i: number): number {
  const first = tokens[i]!
  if (!first.cap || FUNCTION_WORDS.has(first.lower) || first.allCaps) return i
  let j = i
  let keywordEnd = -1
  while (j < tokens.length && j - i < 8) {
    const t = tokens[j]!
    if (j > i) {
      const prev = tokens[j - 1]!
      if (t.sentence !== first.sentence || prev.possessive) break
      if (t.punctBefore !== '' && !t.hyphenBefore) break
    }
    if (t.cap && !t.allCaps) {
      j += 1
      if (isOrgKeyword(t)) keywordEnd = j
      continue
    }
    if (
      keywordEnd > 0 &&
      ORG_CONNECTORS.has(t.lower) &&
      tokens[j + 1]?.cap &&
      tokens[j + 1]!.punctBefore === ''
    ) {
      j += 1
      continue
    }
    break
  }
  if (keywordEnd < 0) return i
  // After the keyword only a connector phrase continues the name ("Supreme Court Justice ..." stops at Court).
  let end = keywordEnd
  if (end < j && ORG_CONNECTORS.has(tokens[end]!.lower)) end = j
  if (end - i < 2) return i
  return end
}

// ---------------------------------------------------------------------------------------------------------
// The analysis

interface PersonDraft {
  key: string
  name: string
  words: string[]
  roles: RoleDraft[]
  gender: 'm' | 'f' | null
  order: number
}

interface RoleDraft {
  text: string
  head: string
  modifiers: Set<string>
}

const analysisCache = new WeakMap<
  readonly Paragraph[],
  { ids: string[]; texts: string[]; analysis: TextAnalysis }
>()

/**
 * Tokens, sentences, quotes and resolved mentions for the article. Cached per blocks array (checked against
 * its ids and texts), so `analyseQuotes` and `extractEntities` on the same blocks share one analysis.
 */
export function analyseText(blocks: readonly Paragraph[]): TextAnalysis {
  const cached = analysisCache.get(blocks)
  if (
    cached &&
    cached.texts.length === blocks.length &&
    cached.texts.every((t, i) => blocks[i]?.text === t && blocks[i]?.id === cached.ids[i])
  ) {
    return cached.analysis
  }
  const analysis = buildAnalysis(blocks)
  analysisCache.set(blocks, { ids: blocks.map((b) => b.id), texts: blocks.map((b) => b.text), analysis })
  return analysis
}

const placeKeys = new WeakMap<PlaceEntry, string>()

/** The key a place is known by (its canonical name's), computed once per gazetteer entry. */
function placeIdKey(entry: PlaceEntry): string {
  let key = placeKeys.get(entry)
  if (key === undefined) {
    key = placeKey(entry.name)
    placeKeys.set(entry, key)
  }
  return key
}

function modifierKey(t: Token, place: PlaceMatch | undefined): string {
  if (place) return placeIdKey(place.entry)
  return t.lower.endsWith('.') && !t.initialism ? t.lower.slice(0, -1) : t.lower
}

function buildAnalysis(blocks: readonly Paragraph[]): TextAnalysis {
  const quotes = findQuotes(blocks)
  const blockQuotes: QuoteSpan[][] = blocks.map(() => [])
  for (const q of quotes) blockQuotes[q.blockIndex]!.push(q)

  const tokens: Token[][] = []
  const sentenceStarts: number[][] = []
  for (let b = 0; b < blocks.length; b += 1) {
    const text = blocks[b]!.text
    const toks = tokenize(text)
    const qs = blockQuotes[b]!
    const starts = findSentenceStarts(text, qs)
    sentenceStarts.push(starts)
    let s = 0
    let q = 0
    for (const t of toks) {
      while (s < starts.length && starts[s]! <= t.start) s += 1
      t.sentence = s
      while (q < qs.length && qs[q]!.close >= 0 && qs[q]!.close < t.start) q += 1
      const quote = qs[q]
      t.inQuote = quote !== undefined && quote.open < t.start && (quote.close < 0 || t.start < quote.close)
    }
    tokens.push(toks)
  }

  // Pass 1: who is a person, what roles they hold, which unknown capitalised names are places.
  const learnedPlaces = new Map<string, PlaceEntry>()
  const orgStems = new Map<string, string>()
  for (let b = 0; b < blocks.length; b += 1) {
    const block = blocks[b]!
    learnPlaces(block.text, tokens[b]!, learnedPlaces)
    if (!isTitleBlock(block.id)) learnDateline(block.text, tokens[b]!, learnedPlaces)
    learnOrgStems(block.text, tokens[b]!, orgStems)
  }
  const stemPrefixes = prefixesOf(orgStems.keys())
  const places = blocks.map((_, b) => matchPlaces(tokens[b]!, learnedPlaces))
  const covers = places.map((placeAt, b) => placeCoverage(placeAt, tokens[b]!.length))
  // Whether "he" or "she" (or his, her, him) follows, outside quotes, in this paragraph or the next.
  const pronounAhead = tokens.map(
    (_, b) => hasPersonalPronoun(tokens[b]!) || hasPersonalPronoun(tokens[b + 1] ?? []),
  )
  const drafts = new Map<string, PersonDraft>()
  let order = 0
  const labelFolds = new Set<string>()
  for (const q of quotes) {
    if (!q.label) continue
    const name = titleCase(blocks[q.blockIndex]!.text.slice(q.label.start, q.label.end))
    const key = personKey(name)
    const words = key.split(' ')
    labelFolds.add(words[words.length - 1]!)
    // A full name in a transcript label ("MICHEL ADAMS, HOST:") is a person even if the text names them nowhere else.
    if (words.length >= 2 && !drafts.has(key)) {
      drafts.set(key, { key, name, words, roles: [], gender: null, order: order++ })
    }
  }
  for (let b = 0; b < blocks.length; b += 1) {
    const text = blocks[b]!.text
    const toks = tokens[b]!
    const placeTok = covers[b]!
    for (let i = 0; i < toks.length; i += 1) {
      if (!isNameWord(toks[i]!) || (i > 0 && toks[i]!.hyphenBefore)) continue
      if (
        i > 0 &&
        isNameWord(toks[i - 1]!) &&
        toks[i]!.punctBefore === '' &&
        toks[i - 1]!.sentence === toks[i]!.sentence &&
        !toks[i - 1]!.possessive
      )
        continue
      const j = nameRunEnd(toks, i)
      const found =
        personEvidence(text, toks, i, j, placeTok, orgStems, pronounAhead[b]!) ??
        // "Dana Lee's interview with ...", then "LEE: ...": the transcript labels this person.
        (j - i >= 2 && !toks[i]!.inQuote && labelFolds.has(toks[j - 1]!.fold)
          ? { role: null, gender: null }
          : null)
      if (found) {
        const name = text.slice(toks[i]!.start, toks[j - 1]!.end)
        const key = personKey(name)
        if (!key) continue
        let draft = drafts.get(key)
        if (!draft) {
          draft = { key, name, words: key.split(' '), roles: [], gender: null, order: order++ }
          drafts.set(key, draft)
        }
        if (found.role) draft.roles.push(found.role)
        if (found.gender && !draft.gender) draft.gender = found.gender
        if (j - i >= 2) draft.gender ??= GIVEN_NAME_GENDER.get(toks[i]!.lower) ?? null
      }
      i = j - 1
    }
  }

  const entities = new Map<string, EntityRecord>()
  const persons = mergePersons(drafts)
  const usedIds = new Set<string>()
  const register = (
    key: string,
    name: string,
    type: EntityType,
    role: string | null,
    gender: 'm' | 'f' | null,
  ) => {
    let id = slugOf(name) || type
    if (usedIds.has(id)) id = `${id}-${type === 'organization' ? 'org' : type}`
    let n = 2
    while (usedIds.has(id)) id = `${slugOf(name) || type}-${n++}`
    usedIds.add(id)
    const record: EntityRecord = { key, id, name, type, role, gender }
    entities.set(key, record)
    return record
  }
  // People register first so their ids are the plain slug of their names.
  for (const p of persons.list) {
    register(`person:${p.key}`, p.name, 'person', p.roles[0]?.text ?? null, p.gender)
  }

  // Pass 2: every mention, in reading order.
  const mentions: Mention[][] = []
  const mentionAt: (Mention | undefined)[][] = []
  const mentionStart: (Mention | undefined)[][] = []
  const lastSeen = new Map<string, number>()
  let seq = 0
  for (let b = 0; b < blocks.length; b += 1) {
    const text = blocks[b]!.text
    const toks = tokens[b]!
    const claimed: (Mention | undefined)[] = new Array(toks.length)
    const removed = new Set<Mention>()
    let found: Mention[] = []
    const add = (m: Mention) => {
      for (let k = m.t0; k < m.t1; k += 1) claimed[k] = m
      found.push(m)
    }
    const free = (t0: number, t1: number) => {
      for (let k = t0; k < t1; k += 1) if (claimed[k]) return false
      return true
    }
    // Organisations with a keyword (before people: "Kim Il Sung University" is a university).
    for (let i = 0; i < toks.length; i += 1) {
      const j = orgRunAt(toks, i)
      if (j <= i) continue
      let s = i
      while (s < j && FUNCTION_WORDS.has(toks[s]!.lower)) s += 1
      const name = text.slice(toks[s]!.start, toks[j - 1]!.end)
      const key = `organization:${placeKey(name)}`
      if (!entities.has(key)) register(key, name, 'organization', null, null)
      add(mention(b, toks, s, j, 'organization', key))
      i = j - 1
    }
    // Full names of known people.
    for (let i = 0; i < toks.length; i += 1) {
      if (claimed[i] || !isNameWord(toks[i]!)) continue
      const j = nameRunEnd(toks, i)
      // Only a run with a known first or last name can hold a known full name.
      let known = false
      for (let k = i; k < j && !known; k += 1) known = persons.byWord.has(toks[k]!.fold)
      let matched = !known
      for (let len = j - i; len >= 2 && !matched; len -= 1) {
        for (let s = i; s + len <= j; s += 1) {
          const key = persons.byKey.get(runKey(toks, s, s + len))
          if (key && free(s, s + len)) {
            add(mention(b, toks, s, s + len, 'person', `person:${key}`))
            matched = true
            break
          }
        }
      }
      i = Math.max(i, j - 1)
    }
    // Known institutions and acronyms (not in a block written all in capitals, where every word looks like one).
    const shouting = allCapsBlock(toks)
    const placeCover = covers[b]!
    for (let i = 0; i < toks.length; i += 1) {
      if (claimed[i] || !toks[i]!.cap) continue
      const known = longestPhrase(
        toks,
        i,
        5,
        (key) => KNOWN_ORG_FORMS.get(key) ?? orgStems.get(key),
        (key) => KNOWN_ORG_PREFIXES.has(key) || stemPrefixes.has(key),
      )
      let hit = known ? known.t1 : -1
      let hitName = known ? known.value : ''
      const t = toks[i]!
      if (
        hit < 0 &&
        t.allCaps &&
        !t.initialism &&
        !placeCover[i] &&
        !NOT_ACRONYMS.has(t.lower) &&
        !shouting
      ) {
        hit = i + 1
        hitName = t.text
      }
      if (hit > i && free(i, hit)) {
        const key = `organization:${placeKey(hitName)}`
        if (!entities.has(key)) register(key, hitName, 'organization', null, null)
        add(mention(b, toks, i, hit, 'organization', key))
        i = hit - 1
      }
    }
    // Single names of known people ("Trump", "Kim"), possibly ambiguous.
    for (let i = 0; i < toks.length; i += 1) {
      const t = toks[i]!
      if (claimed[i] || !isNameWord(t)) continue
      const cands = persons.byWord.get(t.fold)
      // A word shared by very many people names none of them.
      if (!cands || cands.length === 0 || cands.length > MAX_CANDIDATES) continue
      // Inside a longer run of unknown names ("Kim Yo Jong" when only "Kim Jong Un" is known) a shared word
      // is not evidence: leave it rather than give the mention to the wrong person.
      if (inUnknownRun(toks, i, persons)) continue
      add(
        mention(
          b,
          toks,
          i,
          i + 1,
          'person',
          null,
          '',
          cands.map((k) => `person:${k}`),
        ),
      )
    }
    // Role phrases ("the U.S. president") and indefinite ones ("a senior official").
    const cover = covers[b]!
    for (let i = 0; i < toks.length; i += 1) {
      const t = toks[i]!
      const det = t.lower === 'the' || t.lower === 'a' || t.lower === 'an'
      const possessivePlace = t.possessive && places[b]![i] !== undefined
      if (!det && !possessivePlace) continue
      let j = i + 1
      let headEnd = -1
      while (j < toks.length && j - i < 7) {
        const tj = toks[j]!
        if (tj.punctBefore !== '' && !tj.hyphenBefore) break
        if (tj.inQuote !== t.inQuote) break
        const lower = tj.lower.endsWith('.') && !tj.initialism ? tj.lower.slice(0, -1) : tj.lower
        if (isRoleHead(lower)) headEnd = j + 1
        else if (!(ROLE_MODIFIERS.has(lower) || cover[j] || tj.allCaps || tj.initialism)) break
        j += 1
        if (tj.possessive) break
      }
      if (headEnd < 0) continue
      const next = toks[headEnd]
      // A title directly before a name belongs to that name ("the CIA Director Mike Pompeo").
      if (next && next.punctBefore === '' && isNameWord(next)) continue
      const roleStart = possessivePlace ? i : i + 1
      const cands = det && t.lower === 'the' ? roleCandidates(toks, cover, roleStart, headEnd, persons) : []
      if (!free(roleStart, headEnd)) {
        // A resolved role outranks an acronym inside it ("the CIA director" is a person, not the CIA).
        let onlyOrgs = cands.length > 0
        for (let k = roleStart; k < headEnd && onlyOrgs; k += 1)
          if (claimed[k] && claimed[k]!.kind !== 'organization') onlyOrgs = false
        if (!onlyOrgs) continue
        for (let k = roleStart; k < headEnd; k += 1) if (claimed[k]) removed.add(claimed[k]!)
      }
      const lower = text.slice(toks[roleStart]!.start, toks[headEnd - 1]!.end).toLowerCase()
      const m: Mention = {
        block: b,
        t0: det ? i : roleStart,
        t1: headEnd,
        start: toks[roleStart]!.start,
        end: toks[headEnd - 1]!.end,
        kind: 'role',
        entity: null,
        candidates: cands.map((k) => `person:${k}`),
        lower,
      }
      for (let k = roleStart; k < headEnd; k += 1) claimed[k] = m
      found.push(m)
      i = headEnd - 1
    }
    // Pronouns and group nouns that can be the subject of an attribution.
    for (let i = 0; i < toks.length; i += 1) {
      const t = toks[i]!
      if (claimed[i]) continue
      if (SUBJECT_PRONOUNS.has(t.lower) || t.lower === 'who')
        add(mention(b, toks, i, i + 1, 'pronoun', null, t.lower))
      else if (GROUP_NOUNS.has(t.lower)) add(mention(b, toks, i, i + 1, 'group', null, t.lower))
    }
    // Places.
    const placeAt = places[b]!
    for (let i = 0; i < toks.length; i += 1) {
      const p = placeAt[i]
      if (!p || !free(i, p.t1)) continue
      const key = `place:${placeIdKey(p.entry)}`
      if (!entities.has(key)) register(key, p.entry.name, 'place', null, null)
      add(mention(b, toks, i, p.t1, 'place', key))
      i = p.t1 - 1
    }

    if (removed.size > 0) found = found.filter((m) => !removed.has(m))
    found.sort((x, y) => x.t0 - y.t0)
    const starting: (Mention | undefined)[] = new Array(toks.length)
    for (const m of found) starting[m.t0] = m
    mentionStart.push(starting)
    // Resolve ambiguous people in reading order: the candidate mentioned most recently.
    for (const m of found) {
      if (m.entity === null && m.candidates.length > 0) {
        let best: string | null = null
        let bestSeen = -1
        for (const c of m.candidates) {
          const seen = lastSeen.get(c) ?? -1
          if (best === null || seen > bestSeen) {
            best = c
            bestSeen = seen
          }
        }
        // Several candidates and none mentioned yet: do not guess.
        if (m.candidates.length === 1 || bestSeen >= 0) m.entity = best
      }
      if (m.entity) lastSeen.set(m.entity, seq++)
    }
    mentions.push(found)
    mentionAt.push(claimed)
  }

  return { blocks, quotes, blockQuotes, tokens, sentenceStarts, mentions, mentionAt, mentionStart, entities }
}

function inUnknownRun(toks: readonly Token[], i: number, persons: PersonIndex): boolean {
  let s = i
  while (
    s > 0 &&
    i - s < 6 &&
    isNameWord(toks[s - 1]!) &&
    toks[s]!.punctBefore === '' &&
    !toks[s - 1]!.possessive
  ) {
    s -= 1
  }
  const e = nameRunEnd(toks, s)
  if (e - s < 2) return false
  for (let k = s; k < e; k += 1) {
    if (k !== i && !toks[k]!.hyphenBefore && !persons.byWord.has(toks[k]!.fold)) return true
  }
  return false
}

/** A block written in capitals ("TRUMP WILL WALK OUT"): at least three words, none with a lowercase letter. */
function allCapsBlock(toks: readonly Token[]): boolean {
  let words = 0
  for (const t of toks) {
    if (t.allCaps) words += 1
    else if (t.text !== t.text.toUpperCase()) return false
  }
  return words >= 3
}

function mention(
  b: number,
  toks: readonly Token[],
  t0: number,
  t1: number,
  kind: MentionKind,
  entity: string | null,
  lower = '',
  candidates: readonly string[] = [],
): Mention {
  return { block: b, t0, t1, start: toks[t0]!.start, end: toks[t1 - 1]!.end, kind, entity, candidates, lower }
}

function placeCoverage(
  placeAt: readonly (PlaceMatch | undefined)[],
  length: number,
): (PlaceMatch | undefined)[] {
  const cover: (PlaceMatch | undefined)[] = new Array(length)
  for (let i = 0; i < length; i += 1) {
    const p = placeAt[i]
    if (!p) continue
    for (let k = i; k < p.t1; k += 1) cover[k] = p
  }
  return cover
}

/** "Acme Corp." is also "Acme": the name without its corporate suffix, mapped to the full name. */
function learnOrgStems(text: string, toks: readonly Token[], stems: Map<string, string>) {
  for (let i = 0; i < toks.length; i += 1) {
    const j = orgRunAt(toks, i)
    if (j <= i) continue
    let s = i
    while (s < j && FUNCTION_WORDS.has(toks[s]!.lower)) s += 1
    if (j - s >= 2 && CORPORATE_SUFFIXES.has(toks[j - 1]!.lower)) {
      const stem = placeKey(text.slice(toks[s]!.start, toks[j - 2]!.end))
      if (!stems.has(stem) && !PLACES.has(stem)) stems.set(stem, text.slice(toks[s]!.start, toks[j - 1]!.end))
    }
    i = j - 1
  }
}

function titleCase(text: string): string {
  let out = ''
  let start = true
  for (let k = 0; k < text.length; k += 1) {
    const ch = text[k]!
    out += start ? ch : ch.toLowerCase()
    start = !isLetter(ch)
  }
  return out
}

/**
 * A dateline opening a paragraph names a place: "HALVIK, Norway —", "SEOUL (Reuters) —", "PALM BEACH —". The
 * place is learned in title case, so "in Halvik" later is a mention of it too.
 */
function learnDateline(text: string, toks: readonly Token[], learned: Map<string, PlaceEntry>) {
  let e = 0
  while (
    e < toks.length &&
    e < 3 &&
    toks[e]!.allCaps &&
    !toks[e]!.initialism &&
    (e === 0 || toks[e]!.punctBefore === '')
  ) {
    e += 1
  }
  const next = toks[e]
  if (e === 0 || !next) return
  const punct = next.punctBefore
  const dash = punct.includes('—') || punct.includes('–') || punct === '-' || punct.startsWith('(')
  const commaPlace = punct === ',' && next.cap && PLACES.has(next.lower)
  const dateline =
    dash || commaPlace || (punct === ',' && toks.slice(e, e + 4).some((t) => t.punctBefore.includes('—')))
  if (!dateline) return
  const name = titleCase(text.slice(toks[0]!.start, toks[e - 1]!.end))
  const key = placeKey(name)
  if (PLACES.has(key) || KNOWN_ORG_FORMS.has(key) || NOT_ACRONYMS.has(key)) return
  learned.set(key, { name, demonym: false })
}

/** Place names the article itself introduces: "at Trump's Mar-a-Lago resort", "in Palm Beach, Florida". */
function learnPlaces(text: string, toks: readonly Token[], learned: Map<string, PlaceEntry>) {
  for (let i = 0; i + 1 < toks.length; i += 1) {
    const t = toks[i]!
    if (t.lower !== 'at' && t.lower !== 'in' && t.lower !== 'near' && t.lower !== 'from') continue
    let s = i + 1
    // Skip an owner: "at Trump's Mar-a-Lago resort".
    if (toks[s]?.possessive && toks[s + 1]?.cap) s += 1
    const first = toks[s]
    if (!first || !first.cap || first.allCaps || FUNCTION_WORDS.has(first.lower)) continue
    let e = s + 1
    while (e < toks.length && e - s < 4) {
      const te = toks[e]!
      if (te.hyphenBefore || (te.punctBefore === '' && te.cap && !te.allCaps)) e += 1
      else break
    }
    if (e === s + 1 && (MONTHS.has(first.lower) || DAYS.has(first.lower))) continue
    const key = placeKey(text.slice(first.start, toks[e - 1]!.end))
    if (PLACES.has(key) || KNOWN_ORG_FORMS.has(key) || toks[e - 1]!.possessive) continue
    for (let k = s; k < e; k += 1) if (ORG_KEYWORDS.has(toks[k]!.lower) || isTitleWord(toks[k]!.lower)) return
    const after = toks[e]
    const placeNoun = after && after.punctBefore === '' && !after.cap && PLACE_NOUNS.has(after.lower)
    const commaPlace =
      after &&
      after.punctBefore === ',' &&
      after.cap &&
      PLACES.has(placeKey(after.text)) &&
      !PLACES.get(placeKey(after.text))!.demonym
    if (placeNoun || commaPlace) {
      learned.set(key, { name: text.slice(first.start, toks[e - 1]!.end), demonym: false })
    }
  }
}

interface Evidence {
  role: RoleDraft | null
  gender: 'm' | 'f' | null
}

const PERSONAL_PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him'])

function hasPersonalPronoun(toks: readonly Token[]): boolean {
  return toks.some((t) => !t.inQuote && PERSONAL_PRONOUNS.has(t.lower))
}

/** "said conductor Pieter van der Berg": one to three lowercase words between an inverted verb and the name. */
function describedAfterVerb(toks: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k -= 1) {
    const t = toks[k]!
    if (t.inQuote || toks[k + 1]!.punctBefore !== '' || !t.text[0] || t.text[0] === t.text[0].toUpperCase())
      return false
    if (FUNCTION_WORDS.has(t.lower)) return false
    if (k > 0 && INVERSION_VERBS.has(toks[k - 1]!.lower) && t.punctBefore === '') return true
  }
  return false
}

/** Why the capitalised run `tokens[i..j)` is a person, or null when the article does not say it is one. */
function personEvidence(
  text: string,
  toks: readonly Token[],
  i: number,
  j: number,
  placeTok: readonly (PlaceMatch | undefined)[],
  orgStems: ReadonlyMap<string, string>,
  pronounAhead = false,
): Evidence | null {
  const runKey = placeKey(text.slice(toks[i]!.start, toks[j - 1]!.end))
  if (PLACES.has(runKey) || KNOWN_ORG_FORMS.has(runKey) || orgStems.has(runKey)) return null
  for (let k = i; k < j; k += 1) {
    if (ORG_KEYWORDS.has(toks[k]!.lower)) return null
    // A run that starts with a place or demonym is that place plus something else ("Japanese Foreign ..."),
    // unless the place is also a given name before a surname ("Sofia Marquez").
    if (k === i && placeTok[k] && !(j - i >= 2 && givenName(toks[k]!))) return null
  }
  const first = toks[i]!
  const last = toks[j - 1]!

  // 1. A title or role noun right before the name, or before it with a comma when the name is set off as an
  //    apposition ("The Chancellor, Rachel Moore, said").
  const role = roleBefore(text, toks, i, placeTok, false)
  if (role) return role
  const closing = toks[j]
  if (
    first.punctBefore === ',' &&
    j - i >= 2 &&
    (!closing || closing.punctBefore.startsWith(',') || CUE_VERBS.has(closing.lower))
  ) {
    const commaRole = roleBefore(text, toks, i, placeTok, true)
    if (commaRole) return commaRole
  }

  const single = j - i === 1
  // 2. A speech verb next to the name: "said Sheila Smith", "Trump said", "according to X".
  const before = toks[i - 1]
  // "said Acme Steel spokesman Ted Marlow": a run right before a role names the employer, not a person.
  const employer = toks[j] !== undefined && toks[j]!.punctBefore === '' && isRoleHead(toks[j]!.lower)
  const cueBefore =
    !employer &&
    before !== undefined &&
    first.punctBefore === '' &&
    !before.inQuote &&
    (INVERSION_VERBS.has(before.lower) ||
      (before.lower === 'to' && toks[i - 2]?.lower === 'according') ||
      (!single && describedAfterVerb(toks, i)))
  let k = j
  while (k < toks.length && SUBJECT_VERB_FILLERS.has(toks[k]!.lower) && toks[k]!.punctBefore === '') k += 1
  const verb = toks[k]
  const cueAfter =
    verb !== undefined &&
    verb.punctBefore === '' &&
    !verb.inQuote &&
    CUE_VERBS.has(verb.lower) &&
    !last.possessive
  // "Ana Ruiz, who said": the speech verb after a relative pronoun.
  const who = toks[j]
  const cueAfterWho =
    who !== undefined &&
    who.lower === 'who' &&
    who.punctBefore === ',' &&
    toks[j + 1] !== undefined &&
    toks[j + 1]!.punctBefore === '' &&
    CUE_VERBS.has(toks[j + 1]!.lower)
  // "Jane Doe: "...": a name, a colon and a quotation mark.
  const colonQuote = who !== undefined && /^:["“‘'„«]/.test(who.punctBefore)
  // "Tarek Mansour, who runs a shelter": a full name takes "who"; organisations take "which", places "where".
  const whoClause =
    !single && who !== undefined && (who.lower === 'who' || who.lower === 'whose') && who.punctBefore === ','
  if ((cueBefore || cueAfter || cueAfterWho || colonQuote || whoClause) && !first.inQuote) {
    if (!single || !GROUP_NOUNS.has(first.lower)) return { role: appositionRole(text, toks, j), gender: null }
  }

  // 3. A known given name before a surname: "Ana Reyes has run the bakery since 2009", unless the run
  //    names the employer of a role ("Morgan Stanley analyst").
  const next = toks[j]
  const roleAfter = next !== undefined && next.punctBefore === '' && isTitleWord(next.lower)
  if (j - i >= 2 && j - i <= 3 && givenName(first) && !roleAfter && !first.inQuote && !last.possessive) {
    const role = appositionRole(text, toks, j)
    return { role, gender: role ? genderOf(role.head) : null }
  }

  // 4. An apposition that describes a person: "Sheila Smith, senior fellow ...", "John Doe, 45,".
  if (!single) {
    const role = appositionRole(text, toks, j)
    if (role) return { role, gender: genderOf(role.head) }
    const age = toks[j]
    if (
      age &&
      age.punctBefore === ',' &&
      /^\d{1,3}$/.test(age.text) &&
      toks[j + 1]?.punctBefore.startsWith(',')
    ) {
      return { role: null, gender: null }
    }
  }

  // 5a. A single name opening a sentence, set off by a comma and followed by a speech verb after another
  //     comma: "Perez, a Democrat, said", "Lindqvist, asked about the layoffs, said".
  const leads = i === 0 || toks[i - 1]!.sentence !== first.sentence || toks[i - 1]!.inQuote
  if (single && leads && next?.punctBefore === ',' && !first.inQuote) {
    for (let k = j + 1; k < toks.length && k <= j + 12 && toks[k]!.sentence === first.sentence; k += 1) {
      const t = toks[k]!
      if (t.inQuote) break
      if (t.punctBefore === ',' && CUE_VERBS.has(t.lower))
        return { role: appositionRole(text, toks, j), gender: null }
    }
  }

  // 5. A two- or three-word name opening a sentence, then a lowercase word, in a passage that goes on with
  //    "he" or "she": "Gideon Achterberg has restored clocks for fifty years. ... he explained".
  const opens = i === 0 || toks[i - 1]!.sentence !== first.sentence
  if (
    pronounAhead &&
    opens &&
    j - i >= 2 &&
    j - i <= 3 &&
    next &&
    !roleAfter &&
    !first.inQuote &&
    !last.possessive
  ) {
    if ((next.punctBefore === '' || next.punctBefore === ',') && isLower(next.text[0]) && !next.inQuote)
      return { role: null, gender: null }
  }
  return null
}

function givenName(t: Token): boolean {
  return t.cap && !t.allCaps && GIVEN_NAME_GENDER.has(t.lower)
}

function genderOf(head: string): 'm' | 'f' | null {
  return GENDERED_ROLES.get(head) ?? null
}

/** The title or role phrase written right before a name: "U.S. President", "North Korean leader", "Mr.". */
function roleBefore(
  text: string,
  toks: readonly Token[],
  i: number,
  placeTok: readonly (PlaceMatch | undefined)[],
  afterComma: boolean,
): Evidence | null {
  const name = toks[i]!
  const prev = toks[i - 1]
  if (!prev || name.punctBefore !== (afterComma ? ',' : '')) return null
  if (prev.sentence !== name.sentence || prev.inQuote !== name.inQuote) return null
  const honorific = HONORIFICS.get(prev.lower)
  if (honorific !== undefined && !afterComma && (prev.cap || prev.lower.endsWith('.'))) {
    return { role: null, gender: honorific }
  }
  const prevBare = prev.lower.endsWith('.') ? prev.lower.slice(0, -1) : prev.lower
  if (!isRoleHead(prevBare) || prev.possessive) return null
  let s = i - 1
  while (s > 0) {
    const t = toks[s - 1]!
    const after = toks[s]!
    if (after.punctBefore !== '' && !after.hyphenBefore) break
    if (t.sentence !== name.sentence) break
    const lower = t.lower.endsWith('.') && !t.initialism ? t.lower.slice(0, -1) : t.lower
    // "Union president", "Korea University President": an organisation's word names whose role it is.
    const ok =
      ROLE_MODIFIERS.has(lower) ||
      isRoleHead(lower) ||
      placeTok[s - 1] !== undefined ||
      t.allCaps ||
      t.initialism ||
      (t.cap && ORG_KEYWORDS.has(lower))
    if (!ok) break
    s -= 1
    if (t.possessive) break
  }
  const roleText = text.slice(toks[s]!.start, prev.end)
  const modifiers = new Set<string>()
  for (let k = s; k < i - 1; k += 1) {
    const t = toks[k]!
    const place = placeTok[k]
    modifiers.add(modifierKey(t, place))
  }
  return { role: { text: roleText, head: prevBare, modifiers }, gender: genderOf(prevBare) }
}

const APPOSITION_STOPS = new Set([
  'who',
  'which',
  'that',
  'and',
  'but',
  'or',
  'according',
  'adding',
  'saying',
  'in',
  'on',
  'at',
  'when',
  'after',
  'before',
  'as',
  'while',
  'because',
  'told',
  'said',
  'says',
])

const APPOSITION_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their'])
const RELATIVES = new Set(['who', 'which', 'that', 'whose', 'whom'])

/**
 * "..., senior fellow for Japan studies at the Council on Foreign Relations, ..." after the name at `j`: a
 * comma, a role noun within the first four words, up to the next comma or relative clause.
 */
function appositionRole(text: string, toks: readonly Token[], j: number): RoleDraft | null {
  const first = toks[j]
  if (!first || first.punctBefore !== ',' || first.inQuote) return null
  let s = j
  if (APPOSITION_DETERMINERS.has(first.lower)) s += 1
  const start = toks[s]
  if (!start || APPOSITION_STOPS.has(start.lower) || start.punctBefore !== (s === j ? ',' : '')) return null
  let e = s
  let head: string | null = null
  const modifiers = new Set<string>()
  while (e < toks.length && e - s < 16) {
    const t = toks[e]!
    if (e > s && t.punctBefore !== '' && !t.hyphenBefore) break
    if (t.sentence !== first.sentence || t.inQuote) break
    const lower = t.lower.endsWith('.') && !t.initialism ? t.lower.slice(0, -1) : t.lower
    if (head === null) {
      if (isRoleHead(lower) && !(t.cap && e > s && isNameWord(t))) head = lower
      else if (e - s >= 3 || APPOSITION_STOPS.has(lower) || CUE_VERBS.has(lower)) return null
      else modifiers.add(lower)
    } else if (RELATIVES.has(lower)) break
    e += 1
  }
  if (head === null) return null
  return { text: text.slice(toks[s]!.start, toks[e - 1]!.end), head, modifiers }
}

/** More people than this sharing a surname or a role: the word or role names none of them. */
const MAX_CANDIDATES = 8

interface PersonIndex {
  list: PersonDraft[]
  /** Role head → the people holding a role with that head. */
  byHead: Map<string, { key: string; role: RoleDraft }[]>
  /** Full-name key → canonical key. */
  byKey: Map<string, string>
  /** Single lowercase name word → canonical keys of the people with that first or last name. */
  byWord: Map<string, string[]>
}

/** One person per name: variants and single-word mentions join the full name they belong to. */
function mergePersons(drafts: ReadonlyMap<string, PersonDraft>): PersonIndex {
  const all = [...drafts.values()].sort((a, b) => a.order - b.order)
  const full = all.filter((p) => p.words.length > 1)
  const list: PersonDraft[] = []
  const byKey = new Map<string, string>()
  const byEnds = new Map<string, PersonDraft>()
  // Same first word and family name ("Donald J. Trump", "Donald Trump") is one person; a generational
  // suffix is not a family name ("Thomas Reyes Jr." is not "Thomas O'Malley Jr.").
  for (const p of full) {
    const ends = `${p.words[0]!} ${familyWord(p.words)}`
    const same = byEnds.get(ends)
    if (same) {
      same.roles.push(...p.roles)
      same.gender ??= p.gender
      byKey.set(p.key, same.key)
    } else {
      list.push(p)
      byKey.set(p.key, p.key)
      byEnds.set(ends, p)
    }
  }
  list.splice(0, list.length, ...foldFamilyNames(list, byKey))
  const byWord = new Map<string, string[]>()
  const addWord = (word: string, key: string) => {
    if (FUNCTION_WORDS.has(word) || MONTHS.has(word) || DAYS.has(word)) return
    const keys = byWord.get(word) ?? []
    // Past MAX_CANDIDATES people the word names nobody; stop collecting (and keep this linear).
    if (keys.length <= MAX_CANDIDATES && !keys.includes(key)) keys.push(key)
    byWord.set(word, keys)
  }
  const byOwnKey = new Map(list.map((p) => [p.key, p]))
  for (const p of list) {
    addWord(familyWord(p.words), p.key)
    // Family name first ("Kim Jong Un", "Xi Jinping") is as common in the news as family name last.
    addWord(p.words[0]!, p.key)
  }
  for (const p of all) {
    if (p.words.length !== 1) continue
    const keys = byWord.get(p.words[0]!)
    if (keys && keys.length > 0) {
      // "Prime Minister Abe": the role belongs to the full name when exactly one person has that name.
      if (keys.length === 1) {
        const owner = byOwnKey.get(keys[0]!)
        if (owner) {
          owner.roles.push(...p.roles)
          owner.gender ??= p.gender
        }
      }
      continue
    }
    list.push(p)
    byKey.set(p.key, p.key)
    addWord(p.words[0]!, p.key)
  }
  // Prefer the surname reading when a word is one person's surname and another's given name.
  for (const [word, keys] of byWord) {
    if (keys.length < 2) continue
    const surnames = keys.filter((k) => {
      const words = k.split(' ')
      return words[words.length - 1] === word
    })
    if (surnames.length > 0 && surnames.length < keys.length) byWord.set(word, surnames)
  }
  const byHead = new Map<string, { key: string; role: RoleDraft }[]>()
  for (const p of list) {
    for (const role of p.roles) {
      const holders = byHead.get(role.head) ?? []
      holders.push({ key: p.key, role })
      byHead.set(role.head, holders)
    }
  }
  return { list, byKey, byWord, byHead }
}

/** People whose learned role fits the role mention `toks[s..e)` (same head; every modifier present). */
function roleCandidates(
  toks: readonly Token[],
  cover: readonly (PlaceMatch | undefined)[],
  s: number,
  e: number,
  persons: PersonIndex,
): string[] {
  const headTok = toks[e - 1]!
  const head = headTok.lower.endsWith('.') ? headTok.lower.slice(0, -1) : headTok.lower
  const mods: string[] = []
  for (let k = s; k < e - 1; k += 1) {
    const key = modifierKey(toks[k]!, cover[k])
    if (!mods.includes(key)) mods.push(key)
  }
  const out: string[] = []
  for (const { key, role } of persons.byHead.get(head) ?? []) {
    if (!out.includes(key) && mods.every((m) => role.modifiers.has(m))) out.push(key)
    if (out.length > MAX_CANDIDATES) return []
  }
  return out
}

// ---------------------------------------------------------------------------------------------------------
// The public entity list

/**
 * People, places and organisations mentioned in the blocks, canonicalised, with every mention's span, in order
 * of first mention. People's ids equal the speaker ids `analyseQuotes` gives the same blocks; a speaker the
 * analysis did not find as a mention is added with the places its name appears.
 */
export function extractEntities(blocks: readonly Paragraph[], speakers: readonly Speaker[]): Entity[] {
  const analysis = analyseText(blocks)
  const byKey = new Map<string, Entity>()
  const out: Entity[] = []
  for (const list of analysis.mentions) {
    for (const m of list) {
      if (!m.entity || m.kind === 'pronoun' || m.kind === 'group') continue
      const record = analysis.entities.get(m.entity)
      if (!record) continue
      let entity = byKey.get(m.entity)
      if (!entity) {
        entity = { id: record.id, name: record.name, type: record.type, mentions: [] }
        byKey.set(m.entity, entity)
        out.push(entity)
      }
      const span: Span = { paragraphId: analysis.blocks[m.block]!.id, start: m.start, end: m.end }
      entity.mentions.push(span)
    }
  }
  const ids = new Set(out.map((e) => e.id))
  for (const speaker of speakers) {
    if (ids.has(speaker.id)) continue
    const mentions: Span[] = []
    for (const block of blocks) {
      let at = block.text.indexOf(speaker.name)
      while (at >= 0) {
        mentions.push({ paragraphId: block.id, start: at, end: at + speaker.name.length })
        at = block.text.indexOf(speaker.name, at + speaker.name.length)
      }
    }
    if (mentions.length > 0) {
      out.push({ id: speaker.id, name: speaker.name, type: 'person', mentions })
      ids.add(speaker.id)
    }
  }
  return out
}
