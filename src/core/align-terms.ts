/**
 * What a passage is about, as a bag of comparable features: stemmed content words folded through the
 * synonym table, names, numbers and dates. Pure.
 */
import { ROLE_HEADS, ROLE_MODIFIERS } from './lexicon-roles'
import { stem } from './stem'
import { synonymLexicon } from './synonyms'

/**
 * One feature of a passage. Keys: a stem ("pressur"), a synonym group ("~agre"), or a number or date
 * ("#1200", "#4.5%", "#wednesday").
 */
export type Feature = {
  key: string
  /** The words as the passage wrote them, for evidence ("walked away"). */
  surface: string
  /**
   * How much this occurrence counts before rarity weighting: parts of a multi-word name share one word's
   * weight, so "North Korean leader Kim Jong Un" is not five matches; small numbers and generic words
   * count less.
   */
  factor: number
  /**
   * Names someone or somewhere ("Danek", "Lake Sorrel"): who and where, which two passages of one story
   * share without saying the same thing, so a link needs more than these.
   */
  name: boolean
}

export type PassageFeatures = {
  features: Map<string, Feature>
  /** Does the passage report speech ("said", "told", "according to")? */
  speech: boolean
  /**
   * Who reports speech, as the lowercased words of a name: for each speech verb outside quotation marks,
   * the nearest name before it in the sentence ("Abe said", "Trump also promised Abe"), or, when none
   * comes before, the nearest after ("..., said Sheila Smith").
   */
  speakers: string[][]
}

const STOPWORDS = new Set(
  `a about above across after afterwards again against ago all almost alone along already also although always am
  among amongst an and another any anyhow anyone anything anyway anywhere are around as at be became because become
  becomes becoming been before beforehand behind being below beside besides between beyond both but by can cannot
  could did do does doing done down during each either else elsewhere enough etc even ever every everyone everything
  everywhere except few for former formerly from further had has have having he hence her here hereafter hereby herein
  hers herself him himself his how however i if in indeed into is it its itself just last latter least less many may
  me meanwhile might mine more moreover most mostly much must my myself namely neither never nevertheless next no
  nobody none noone nor not nothing now nowhere of off often on once only onto or other others otherwise our ours
  ourselves out over own per perhaps please quite rather re really same seem seemed seeming seems several she should
  since so some somehow someone something sometime sometimes somewhere still such than that the their theirs them
  themselves then thence there thereafter thereby therefore therein thereupon these they this those though through
  throughout thru thus to together too toward towards under unless until up upon us very via was we well were what
  whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which while
  whither who whoever whole whom whose why will with within without would yet you your yours yourself yourselves
  mr mrs ms dr said says say saying told tell according added adding got get gets make made put went go goes going
  gone come came take took like want wanted need needs one ones also amid despite including include includes new
  way ways thing things lot lots yes okay news`.split(/\s+/),
)

// Verbs as empty in every form: "takes" and "taking" as "take".
const STOP_STEMS = new Set(
  `say tell add get make go come take want need include seem become`.split(' ').map(stem),
)

/** Generic news words: they count, but a shared "year" or "official" alone says little. */
const WEAK = new Set(
  `year week day time month people official report first second state statement news conference
  reporter leader president minister prime chief spokesman spokeswoman spokesperson percent cent
  number part group told think know see show call expect`
    .split(/\s+/)
    .map(stem),
)

/** Speech verbs (as stems) that mark reported speech: "Trump said he would...". */
const SPEECH = new Set(
  `say said tell told warn vow promise pledge claim insist add note announce declare stress urge argue
  tweet explain acknowledge admit deny predict suggest assert complain write wrote describe echo reply
  respond confirm call accuse threaten caution remark emphasize emphasise reiterate recall`
    .split(/\s+/)
    .map(stem),
)

// Lowercase connectors allowed inside a name ("Bank of Japan", "Council on Foreign Relations").
const NAME_JOINERS = new Set(['of', 'on', 'for', 'the', 'de', 'la', 'del', 'von', 'van', 'al'])

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  dozen: 12,
}
const SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 }
const DATE_WORDS = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august
  september october november december`.split(/\s+/),
)

/*
 * Words, scanned by hand rather than with a regular expression (whose match arrays were a tenth of what
 * alignment allocated): abbreviations with dots ("U.S."), numbers with their furniture ("$3.1", "4.5%",
 * "88th", "1,200"), words with internal apostrophes. Hyphens split words, as in names ("Jong-un") and
 * compounds ("light-rail"). `scanWord` leaves the word's bounds in `wordStart` / `wordEnd`.
 */
const LETTER = /^\p{L}$/u
const UPPER = /^\p{Lu}$/u
let wordStart = 0
let wordEnd = 0

/** Length in code units of the letter at `i` (2 for an astral letter), or 0 if it is not a letter. */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 1
  if (c < 128 || Number.isNaN(c)) return 0
  const cp = text.codePointAt(i)!
  return LETTER.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0
}

function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c >= 65 && c <= 90) return true
  if (c < 128 || Number.isNaN(c)) return false
  return UPPER.test(String.fromCodePoint(text.codePointAt(i)!))
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  return c >= 48 && c <= 57
}

function scanWord(text: string, from: number): boolean {
  const n = text.length
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i)
    // "U.S.", "U.N.": two or more capital-and-dot pairs.
    if (
      isUpperAt(text, i) &&
      text.charCodeAt(i + 1) === 46 &&
      isUpperAt(text, i + 2) &&
      text.charCodeAt(i + 3) === 46
    ) {
      let j = i
      while (isUpperAt(text, j) && text.charCodeAt(j + 1) === 46) j += 2
      wordStart = i
      wordEnd = j
      return true
    }
    if (isDigitAt(text, i) || (c === 36 && isDigitAt(text, i + 1))) {
      let j = c === 36 ? i + 1 : i
      while (isDigitAt(text, j)) j++
      while ((text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigitAt(text, j + 1)) {
        j += 1
        while (isDigitAt(text, j)) j++
      }
      const two = text.slice(j, j + 2)
      // "€30m", "$2bn": a scale written as a letter or two, then no more letters.
      const scale = two === 'bn' ? 2 : text[j] === 'm' || text[j] === 'k' ? 1 : 0
      if (scale > 0 && letterAt(text, j + scale) === 0) j += scale
      else if (two === 'st' || two === 'nd' || two === 'rd' || two === 'th') j += 2
      else if (text.charCodeAt(j) === 115) j += 1
      if (text.charCodeAt(j) === 37) j += 1
      wordStart = i
      wordEnd = j
      return true
    }
    let len = letterAt(text, i)
    if (len > 0) {
      let j = i
      for (;;) {
        while (len > 0) {
          j += len
          len = letterAt(text, j)
        }
        const q = text.charCodeAt(j)
        const next = q === 39 || q === 0x2019 ? letterAt(text, j + 1) : 0
        if (next === 0) break
        j += 1
        len = next
      }
      wordStart = i
      wordEnd = j
      return true
    }
  }
  return false
}

type Token = {
  raw: string
  lower: string
  stem: string
  capitalised: boolean
  /** Starts a sentence (or the passage), where capitals say nothing about names. */
  initial: boolean
  number: string | null
  stop: boolean
  /** A hyphen or dash (and perhaps spaces) since the previous word: "2-1", "9 – 4". */
  dashed: boolean
  /** Only spaces or a hyphen since the previous word, so a name can run on ("Kim Jong-un"). */
  joined: boolean
  /** Inside double quotation marks. */
  quoted: boolean
  /** What the word is, whatever its neighbours. */
  info: WordInfo
}

/** What a word is, whatever its neighbours: worked out once per distinct spelling. */
type WordInfo = Pick<Token, 'raw' | 'lower' | 'stem' | 'capitalised' | 'number' | 'stop'> & {
  possessive: boolean
  /** A speech verb ("said", "warned"). */
  speech: boolean
  /** The feature key: its synonym group, or its stem. */
  key: string
  /** A generic news word, counted at half weight. */
  weak: boolean
  /** Multi-word expressions of the synonym table that start with this word. */
  phrases: readonly { stems: readonly string[]; key: string }[] | null
}

const wordCache = new Map<string, WordInfo>()

function wordInfo(word: string): WordInfo {
  const cached = wordCache.get(word)
  if (cached) return cached
  let info: WordInfo
  const first = word.charCodeAt(0)
  if ((first >= 48 && first <= 57) || first === 36) {
    info = {
      raw: word,
      lower: word,
      stem: word,
      capitalised: false,
      number: numberKey(word),
      stop: false,
      possessive: false,
      speech: false,
      key: word,
      weak: false,
      phrases: null,
    }
  } else {
    let raw = word
    let lower = word.toLowerCase().replace(/’/g, "'")
    const possessive = lower.endsWith("'s")
    if (possessive) {
      raw = raw.slice(0, -2)
      lower = lower.slice(0, -2)
    }
    const abbreviation = raw.includes('.')
    if (abbreviation) lower = lower.replace(/\./g, '')
    const capitalised = raw !== lower && raw[0] !== lower[0]
    // "US" and "U.S." are a country, "us" is a pronoun; other apostrophe words are contractions.
    const acronym = abbreviation || (raw.length > 1 && raw === raw.toUpperCase())
    const stemmed = stem(lower)
    const stop = !acronym && (STOPWORDS.has(lower) || STOP_STEMS.has(stemmed) || lower.includes("'"))
    const n = NUMBER_WORDS[lower]
    const number =
      n !== undefined ? String(n) : DATE_WORDS.has(lower) && (capitalised || lower !== 'march') ? lower : null
    const lex = synonymLexicon()
    const key = lex.words.get(stemmed) ?? stemmed
    info = {
      raw,
      lower,
      stem: stemmed,
      capitalised,
      number,
      stop,
      possessive,
      speech: SPEECH.has(stemmed),
      key,
      weak: WEAK.has(stemmed) || WEAK.has(key),
      phrases: lex.phrases.get(stemmed) ?? null,
    }
  }
  // Bounded so a long-lived worker comparing many articles does not grow without limit.
  if (wordCache.size > 50_000) wordCache.clear()
  wordCache.set(word, info)
  return info
}

function tokenize(text: string): Token[] {
  const out: Token[] = []
  let last = 0
  let quoted = false
  // A possessive ends a name: "Trump's Mar-a-Lago resort" is two names.
  let afterPossessive = false
  while (scanWord(text, last)) {
    const index = wordStart
    const word = text.slice(wordStart, wordEnd)
    // Read the gap since the previous word character by character: quote marks, sentence punctuation,
    // and whether only spaces or hyphens came between (no string is cut out of the text).
    let sentenceBreak = false
    let onlySpace = true
    let dash = false
    for (let k = last; k < index; k++) {
      const c = text.charCodeAt(k)
      if (c === 0x201c) quoted = true
      else if (c === 0x201d) quoted = false
      else if (c === 0x22) quoted = !quoted
      if (
        c === 0x2e ||
        c === 0x21 ||
        c === 0x3f ||
        c === 0x3a ||
        c === 0x3b ||
        c === 0x22 ||
        c === 0x201c ||
        c === 0x201d ||
        c === 0x2018
      )
        sentenceBreak = true
      if (c === 0x2d || c === 0x2013) dash = true
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0xa0) onlySpace = false
    }
    last = wordEnd
    const info = wordInfo(word)
    const initial = out.length === 0 || sentenceBreak
    const joined = !afterPossessive && onlySpace
    const dashed = dash && onlySpace
    afterPossessive = info.possessive
    out.push({
      raw: info.raw,
      lower: info.lower,
      stem: info.stem,
      capitalised: info.capitalised,
      number: info.number,
      stop: info.stop,
      initial,
      dashed,
      joined,
      quoted,
      info,
    })
  }
  return out
}

function numberKey(raw: string): string {
  const percent = raw.endsWith('%')
  const scaled = /\d(?:bn|m|k)$/.exec(raw)
  if (scaled) {
    const unit = raw.endsWith('bn') ? 1e9 : raw.endsWith('m') ? 1e6 : 1e3
    const value = Number(
      raw
        .replace(/^\$/, '')
        .replace(/(?:bn|m|k)$/, '')
        .replace(/,/g, ''),
    )
    if (Number.isFinite(value)) return String(Math.round(value * unit))
  }
  let digits = raw
    .replace(/^\$/, '')
    .replace(/%$/, '')
    .replace(/(?:st|nd|rd|th|s)$/, '')
  // "1,200" is twelve hundred; "4,5" (a decimal comma) is rare in English news and read the same way.
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits)) digits = digits.replace(/,/g, '')
  const value = Number(digits.replace(',', '.'))
  return Number.isFinite(value) ? `${value}${percent ? '%' : ''}` : digits
}

const MAX_PHRASE_GAP = 3

function phrasePositions(tokens: readonly Token[], i: number, stems: readonly string[]): number[] | null {
  const at = [i]
  let k = i + 1
  let gap = 0
  for (const s of stems.slice(1)) {
    while (k < tokens.length && tokens[k]!.stem !== s && gap < MAX_PHRASE_GAP && !tokens[k]!.initial) {
      k += 1
      gap += 1
    }
    const t = tokens[k]
    if (!t || t.stem !== s || t.initial || t.number !== null) return null
    at.push(k)
    k += 1
  }
  return at
}

/**
 * A score or a vote tally starting at token `i`: "2-1", "9 – 4", "nine votes to four", "by 9 to 4"
 * (whole numbers up to 999 on both sides). Returns the key and how many tokens it spans.
 */
function tallyAt(tokens: readonly Token[], i: number): { key: string; length: number } | null {
  const small = (t: Token | undefined) =>
    t !== undefined && t.number !== null && /^\d{1,3}$/.test(t.number) ? t.number : null
  const a = small(tokens[i])
  if (a === null) return null
  const next = tokens[i + 1]
  if (next?.dashed && small(next)) return { key: `${a}-${small(next)}`, length: 2 }
  let k = i + 1
  if (tokens[k]?.lower === 'votes' || tokens[k]?.lower === 'vote') k += 1
  if (tokens[k]?.lower !== 'to' || tokens[k]?.initial) return null
  const b = small(tokens[k + 1])
  return b === null ? null : { key: `${a}-${b}`, length: k + 2 - i }
}

/**
 * A role noun, a role's modifier right before one ("transport minister", "chief executive officer"), or
 * the word a role noun is named for ("fire chief", "chief fire officer").
 */
function isRole(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!
  if (ROLE_HEADS.has(t.lower)) return true
  const next = tokens[i + 1]
  if (
    !t.stop &&
    next &&
    !next.initial &&
    ROLE_HEADS.has(next.lower) &&
    ROLE_MODIFIERS.has(tokens[i - 1]?.lower ?? '')
  )
    return true
  // ...but a verb before a title is what the person did ("unseated Mayor Greg Halvorsen").
  const verbish = /(?:ed|ing)$/.test(t.lower)
  if (
    !t.stop &&
    !verbish &&
    next &&
    !next.initial &&
    ROLE_HEADS.has(next.lower) &&
    (tokens[i + 2]?.capitalised ?? false)
  )
    return true
  for (let k = i; k < tokens.length && k < i + 3 && ROLE_MODIFIERS.has(tokens[k]!.lower); k++) {
    if (ROLE_HEADS.has(tokens[k + 1]?.lower ?? '')) return true
  }
  return false
}

/**
 * A number written in words ("two thousand four hundred", "twelve hundred", "four and a half million"),
 * as the figure another outlet writes in digits. Null for a lone word ("two"), read as before.
 */
function spelledNumber(tokens: readonly Token[], i: number): { value: number; length: number } | null {
  const first = tokens[i]!
  if (first.number === null || !/^[a-z]/.test(first.lower) || !(first.lower in NUMBER_WORDS)) return null
  let total = 0
  let current = 0
  let grouped = false
  let k = i
  for (; k < tokens.length; k++) {
    const t = tokens[k]!
    if (k > i && t.initial) break
    const n = NUMBER_WORDS[t.lower]
    if (n !== undefined) current += n
    else if (t.lower === 'hundred') {
      current = (current || 1) * 100
      grouped = true
    } else if (SCALES[t.lower] !== undefined) {
      total += (current || 1) * SCALES[t.lower]!
      current = 0
      grouped = true
    } else if (t.lower === 'and' && tokens[k + 1]?.lower === 'a' && tokens[k + 2]?.lower === 'half') {
      current += 0.5
      k += 2
    } else break
  }
  return grouped && k - i >= 2 ? { value: total + current, length: k - i } : null
}

function isNameWord(t: Token | undefined): boolean {
  if (!t || !t.capitalised || t.stop || t.number !== null) return false
  // A capital that only starts a sentence on a verb or adverb is not a name ("Citing North Korea's...").
  return !(t.initial && /(?:ing|ed|ly)$/.test(t.lower))
}

/** Runs of capitalised words (token indices) within a sentence: "Bank of Japan", "Kim Jong-un". */
function nameRuns(tokens: readonly Token[]): number[][] {
  const runs: number[][] = []
  for (let i = 0; i < tokens.length; i++) {
    if (!isNameWord(tokens[i])) continue
    const run = [i]
    let j = i + 1
    while (j < tokens.length && tokens[j]!.joined && !tokens[j]!.initial) {
      const t = tokens[j]!
      const next = tokens[j + 1]
      if (isNameWord(t)) {
        run.push(j)
        j += 1
      } else if (NAME_JOINERS.has(t.lower) && next?.joined && !next.initial && isNameWord(next)) {
        run.push(j, j + 1)
        j += 2
      } else break
    }
    runs.push(run)
    i = j - 1
  }
  return runs
}

function isSpeechVerb(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!
  return t.info.speech || (t.lower === 'according' && tokens[i + 1]?.lower === 'to')
}

/** Indices of the runs that name who reports speech in this passage. */
function reportedSpeakers(
  tokens: readonly Token[],
  runs: readonly number[][],
  runOf: readonly number[],
): number[] {
  const found = new Set<number>()
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.quoted || !isSpeechVerb(tokens, i)) continue
    let before = -1
    for (let k = i - 1; k >= 0; k--) {
      if (runOf[k]! >= 0 && !tokens[k]!.quoted) {
        before = runOf[k]!
        break
      }
      if (tokens[k]!.initial && !tokens[k]!.quoted) break
    }
    if (before >= 0) {
      found.add(before)
      continue
    }
    for (let k = i + 1; k < tokens.length && !(tokens[k]!.initial && !tokens[k]!.quoted); k++) {
      if (runOf[k]! >= 0 && !tokens[k]!.quoted) {
        found.add(runOf[k]!)
        break
      }
    }
  }
  return [...found].sort((a, b) => a - b).filter((r) => runs[r]!.length > 0)
}

/** The features of one passage of text. */
export function passageFeatures(text: string): PassageFeatures {
  const tokens = tokenize(text)
  const features = new Map<string, Feature>()
  let speech = false
  const add = (key: string, surface: string, factor: number, name = false) => {
    const prior = features.get(key)
    if (!prior || prior.factor < factor || (prior.factor === factor && prior.name && !name))
      features.set(key, { key, surface, factor, name })
  }

  const runs = nameRuns(tokens)
  const runLength = new Array<number>(tokens.length).fill(1)
  const runOf = new Array<number>(tokens.length).fill(-1)
  runs.forEach((run, r) => {
    const words = run.filter((k) => !tokens[k]!.stop).length
    for (const k of run) {
      runLength[k] = Math.max(1, words)
      runOf[k] = r
    }
  })
  const speakerRuns = reportedSpeakers(tokens, runs, runOf).map((r) =>
    runs[r]!.filter((k) => !tokens[k]!.stop).map((k) => tokens[k]!.lower),
  )

  const consumed = new Uint8Array(tokens.length)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (isSpeechVerb(tokens, i)) speech = true
    const tally = tallyAt(tokens, i)
    if (tally) {
      const words = tokens.slice(i, i + tally.length).map((x) => x.raw)
      add(`#${tally.key}`, words.join(tally.length === 2 ? '-' : ' '), 1)
    }
    const spelled = spelledNumber(tokens, i)
    if (spelled) {
      add(
        `#${spelled.value}`,
        tokens
          .slice(i, i + spelled.length)
          .map((x) => x.raw)
          .join(' '),
        1,
      )
      i += spelled.length - 1
      continue
    }
    if (t.number !== null) {
      let key = t.number
      let surface = t.raw
      const next = tokens[i + 1]
      const scale = next ? SCALES[next.lower] : undefined
      if (scale && /^\d/.test(key)) {
        key = String(Math.round(Number(key.replace('%', '')) * scale))
        surface = `${t.raw} ${next!.raw}`
        i += 1
      } else if (
        next &&
        (next.lower === 'percent' || (next.lower === 'per' && tokens[i + 2]?.lower === 'cent'))
      ) {
        key = `${key}%`
        surface = `${t.raw} ${next.lower === 'per' ? 'per cent' : 'percent'}`
        i += next.lower === 'per' ? 2 : 1
      }
      const numeric = /^\d/.test(key)
      const value = numeric ? Number.parseFloat(key) : NaN
      // "two leaders" and "Wednesday" recur through one story's coverage; "1,200 jobs" and "4.5%" do not.
      const strong =
        numeric && (value >= 10 || key.includes('.') || key.includes('%') || !Number.isInteger(value))
      add(`#${key}`, surface, strong ? 1 : 0.35)
      continue
    }
    if (consumed[i] === 1) continue
    // Phrases first, on the stems of all words including function words ("walk away", "call off"); up
    // to three words may come between their parts within the sentence ("cut 1,200 jobs", "called the
    // meeting off"), and those words still count on their own.
    const candidates = t.info.phrases
    let matched = false
    for (const phrase of candidates ?? []) {
      const at = phrasePositions(tokens, i, phrase.stems)
      if (!at) continue
      add(phrase.key, at.map((k) => tokens[k]!.raw).join(' '), 1)
      for (const k of at) consumed[k] = 1
      matched = true
      break
    }
    if (matched || t.stop || t.lower.length < 2) continue
    const key = t.info.key
    const inName = runLength[i]! > 1 ? Math.max(1 / runLength[i]!, 1 / 3) : 1
    // A capital only at the start of a sentence says nothing; elsewhere, or in a run, it marks a name.
    // A role ("the transport minister", "chief executive") says who, as a name does.
    const name = (runOf[i]! >= 0 && (!t.initial || runLength[i]! > 1)) || isRole(tokens, i)
    add(key, t.raw, inName * (t.info.weak ? 0.5 : 1), name)
  }
  return { features, speech, speakers: speakerRuns }
}
