/**
 * What makes two files the same article, whatever they are called: the same raw text once the
 * differences a copy or a re-save introduces are set aside, or the same article text extracted from
 * them (the same story saved once as a page and once as scraped text). Node only (node:crypto).
 */
import { createHash } from 'node:crypto'
import type { Article } from '../core/schema'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/**
 * Raw text with what a copy, an editor or another operating system changes set aside: a byte-order
 * mark, line endings, Unicode normalisation form, spaces at line ends, runs of blank lines, and blank
 * lines at either end.
 */
export function normaliseRawText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v\u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export function rawTextFingerprint(text: string): string {
  return sha256(normaliseRawText(text))
}

/**
 * Below this many words a body is too short to identify an article alone (two different briefs can
 * both read "Details to follow."), so the headline joins it in the fingerprint.
 */
const MIN_IDENTIFYING_WORDS = 40

/** The article's own text, spaced and cased alike: equal for the same story read from two files. */
export function articleTextFingerprint(
  article: Pick<Article, 'headline' | 'paragraphs' | 'wordCount'>,
): string {
  const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase()
  const body = article.paragraphs.map((p) => fold(p.text)).join('\n')
  return sha256(article.wordCount >= MIN_IDENTIFYING_WORDS ? body : `${fold(article.headline)}\n${body}`)
}

/** `file` is the corpus's name for it, or the name it was given under earlier in the same run. */
export type KnownArticle = { file: string; id: string; earlierInRun?: boolean }
export type DuplicateMatch = KnownArticle & { by: 'raw-text' | 'article-text' }

/** Every article seen so far, by both fingerprints; says which one a new file repeats. */
export class ArticleFingerprints {
  readonly #raw = new Map<string, KnownArticle>()
  readonly #text = new Map<string, KnownArticle>()

  add(rawText: string, article: Article, known: KnownArticle): void {
    const raw = rawTextFingerprint(rawText)
    const text = articleTextFingerprint(article)
    if (!this.#raw.has(raw)) this.#raw.set(raw, known)
    if (!this.#text.has(text)) this.#text.set(text, known)
  }

  match(rawText: string, article: Article): DuplicateMatch | null {
    const raw = this.#raw.get(rawTextFingerprint(rawText))
    if (raw) return { ...raw, by: 'raw-text' }
    const text = this.#text.get(articleTextFingerprint(article))
    return text ? { ...text, by: 'article-text' } : null
  }
}
