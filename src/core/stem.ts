/**
 * A small English stemmer: Martin Porter's 1980 algorithm (the variant of his reference C implementation,
 * with `bli` -> `ble` and `logi` -> `log`), plus two tables news text needs and Porter cannot derive:
 * irregular verb forms ("said", "met", "told") and agentive `-ee` nouns ("abductee", "detainee"), so
 * "abducted" and "abductees" meet at one stem. Pure; input is one lowercased word.
 */

const IRREGULAR: Record<string, string> = {
  said: 'say',
  says: 'say',
  told: 'tell',
  met: 'meet',
  took: 'take',
  taken: 'take',
  gave: 'give',
  given: 'give',
  went: 'go',
  gone: 'go',
  made: 'make',
  held: 'hold',
  won: 'win',
  lost: 'lose',
  fell: 'fall',
  fallen: 'fall',
  rose: 'rise',
  risen: 'rise',
  ran: 'run',
  saw: 'see',
  seen: 'see',
  came: 'come',
  began: 'begin',
  begun: 'begin',
  spoke: 'speak',
  spoken: 'speak',
  sought: 'seek',
  brought: 'bring',
  thought: 'think',
  bought: 'buy',
  fought: 'fight',
  caught: 'catch',
  taught: 'teach',
  kept: 'keep',
  felt: 'feel',
  paid: 'pay',
  laid: 'lay',
  sent: 'send',
  spent: 'spend',
  built: 'build',
  struck: 'strike',
  shot: 'shoot',
  chose: 'choose',
  chosen: 'choose',
  drove: 'drive',
  driven: 'drive',
  flew: 'fly',
  flown: 'fly',
  grew: 'grow',
  grown: 'grow',
  knew: 'know',
  known: 'know',
  threw: 'throw',
  thrown: 'throw',
  wrote: 'write',
  written: 'write',
  broke: 'break',
  broken: 'break',
  stood: 'stand',
  led: 'lead',
  fled: 'flee',
  sold: 'sell',
  heard: 'hear',
  meant: 'mean',
  withdrew: 'withdraw',
  withdrawn: 'withdraw',
  children: 'child',
  men: 'man',
  women: 'woman',
}

// Porter leaves these at different stems from their verbs ("abductee" vs "abduct").
const EE_NOUNS: Record<string, string> = {
  abductee: 'abduct',
  detainee: 'detain',
  employee: 'employ',
  nominee: 'nominate',
  trainee: 'train',
  appointee: 'appoint',
  evacuee: 'evacuate',
  retiree: 'retire',
  deportee: 'deport',
  escapee: 'escape',
  returnee: 'return',
  internee: 'intern',
  draftee: 'draft',
  attendee: 'attend',
  absentee: 'absent',
  trustee: 'trust',
  licensee: 'license',
  interviewee: 'interview',
}

function isCons(w: string, i: number): boolean {
  const c = w[i]
  if (c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u') return false
  if (c === 'y') return i === 0 ? true : !isCons(w, i - 1)
  return true
}

/** Porter's m: the number of vowel-consonant sequences in `w` (the candidate stem). */
function measure(w: string): number {
  let n = 0
  let i = 0
  const len = w.length
  while (i < len && isCons(w, i)) i++
  while (i < len) {
    while (i < len && !isCons(w, i)) i++
    if (i >= len) break
    while (i < len && isCons(w, i)) i++
    n++
  }
  return n
}

function hasVowel(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isCons(w, i)) return true
  return false
}

function endsDoubleCons(w: string): boolean {
  const n = w.length
  return n >= 2 && w[n - 1] === w[n - 2] && isCons(w, n - 1)
}

/** consonant-vowel-consonant at the end, the last not w, x or y ("hop", not "snow"). */
function endsCvc(w: string): boolean {
  const n = w.length
  if (n < 3 || !isCons(w, n - 1) || isCons(w, n - 2) || !isCons(w, n - 3)) return false
  const c = w[n - 1]
  return c !== 'w' && c !== 'x' && c !== 'y'
}

/** Replaces the first matching suffix whose stem passes `ok`; returns null when no suffix matches. */
function replaceSuffix(
  w: string,
  rules: readonly (readonly [string, string])[],
  ok: (stem: string) => boolean,
): string | null {
  for (const [suffix, repl] of rules) {
    if (w.endsWith(suffix)) {
      const stem = w.slice(0, w.length - suffix.length)
      return ok(stem) ? stem + repl : w
    }
  }
  return null
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]

const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]

const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
] as const

function step1(word: string): string {
  let w = word
  if (w.endsWith('sses')) w = w.slice(0, -2)
  else if (w.endsWith('ies')) w = w.slice(0, -2)
  else if (w.endsWith('ss')) {
    /* unchanged */
  } else if (w.endsWith('s')) w = w.slice(0, -1)

  const ee = EE_NOUNS[w]
  if (ee) return step1(ee)

  let trimmed = false
  if (w.endsWith('eed')) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1)
  } else if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) {
    w = w.slice(0, -2)
    trimmed = true
  } else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) {
    w = w.slice(0, -3)
    trimmed = true
  }
  if (trimmed) {
    if (w.endsWith('at') || w.endsWith('bl') || w.endsWith('iz')) w += 'e'
    else if (endsDoubleCons(w) && !/[lsz]$/.test(w)) w = w.slice(0, -1)
    else if (measure(w) === 1 && endsCvc(w)) w += 'e'
  }
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`
  return w
}

function step4(w: string): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue
    const stem = w.slice(0, w.length - suffix.length)
    if (measure(stem) <= 1) return w
    if (suffix === 'ion' && !/[st]$/.test(stem)) return w
    return stem
  }
  return w
}

function step5(word: string): string {
  let w = word
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1)
    const m = measure(stem)
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem
  }
  if (measure(w) > 1 && w.endsWith('ll')) w = w.slice(0, -1)
  return w
}

const cache = new Map<string, string>()

/** The stem of one lowercased English word ("negotiations" -> "negoti", "said" -> "sai"). */
export function stem(word: string): string {
  const cached = cache.get(word)
  if (cached !== undefined) return cached
  let w = IRREGULAR[word] ?? word
  if (w.length > 2) {
    w = step1(w)
    w = replaceSuffix(w, STEP2, (s) => measure(s) > 0) ?? w
    w = replaceSuffix(w, STEP3, (s) => measure(s) > 0) ?? w
    w = step4(w)
    w = step5(w)
  }
  // Bounded so a long-lived worker comparing many articles does not grow without limit.
  if (cache.size > 50_000) cache.clear()
  cache.set(word, w)
  return w
}
