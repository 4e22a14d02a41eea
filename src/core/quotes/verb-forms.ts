/**
 * Inflections of a lemma by English spelling rules: past ("argued", "cried"), third person ("argues",
 * "cries") and participle ("arguing"). An entry "lemma/past/participle" overrides the rules where they fail.
 */
export interface VerbForms {
  lemma: string
  past: string
  third: string
  participle: string
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u'])

function consonantY(word: string): boolean {
  return word.endsWith('y') && word.length > 1 && !VOWELS.has(word[word.length - 2]!)
}

export function verbForms(entry: string): VerbForms {
  const [lemma = '', pastOverride, participleOverride] = entry.split('/')
  let past: string
  if (lemma.endsWith('e')) past = `${lemma}d`
  else if (consonantY(lemma)) past = `${lemma.slice(0, -1)}ied`
  else past = `${lemma}ed`
  let third: string
  if (consonantY(lemma)) third = `${lemma.slice(0, -1)}ies`
  else if (/(?:s|sh|ch|x|z|o)$/.test(lemma)) third = `${lemma}es`
  else third = `${lemma}s`
  let participle: string
  if (lemma.endsWith('ie')) participle = `${lemma.slice(0, -2)}ying`
  else if (lemma.endsWith('e') && !lemma.endsWith('ee')) participle = `${lemma.slice(0, -1)}ing`
  else participle = `${lemma}ing`
  return { lemma, past: pastOverride ?? past, third, participle: participleOverride ?? participle }
}
