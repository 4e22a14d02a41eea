/**
 * The article being added, as the preview shows it: the pipeline's analysis with the reader's corrections
 * applied and recorded (what was found, what the reader chose), so the saved article says which is whose.
 */
import * as v from 'valibot'
import { isoDateSchema, type Article } from '../../core/schema'
import type { Analysis } from './analyse-protocol'

export type DraftCorrections = {
  headline?: { extracted: string; chosen: string }
  published?: { extracted: string | null; chosen: string | null }
}

export type ArticleDraft = {
  article: Article
  origin: { kind: 'paste' | 'file'; fileName: string | null }
  corrections: DraftCorrections
}

/** Longest line offered as a headline, in words: a headline is short; a paragraph is not one. */
const MAX_HEADLINE_WORDS = 40
/** Lines offered as the headline, at most: the choice is among the top of the page. */
const MAX_CHOICES = 40

/** Lines the reader may choose as the headline: the one found, the deck, short body lines, lines left out. */
export function headlineChoices(found: Analysis): string[] {
  const { article, removed } = found
  const lines = [
    article.headline,
    article.kicker,
    article.deck,
    ...article.paragraphs.map((p) => p.text),
    ...removed.map((r) => r.text),
  ]
  const seen = new Set<string>()
  const out: string[] = []
  for (const line of lines) {
    if (!line || seen.has(line) || line.split(/\s+/).length > MAX_HEADLINE_WORDS) continue
    seen.add(line)
    out.push(line)
    if (out.length === MAX_CHOICES) break
  }
  return out
}

/** The draft with the reader's date: a YYYY-MM-DD date, or '' for none. Invalid input changes nothing. */
export function withPublished(draft: ArticleDraft, extracted: string | null, value: string): ArticleDraft {
  const chosen = value === '' ? null : value
  if (chosen !== null && !v.is(isoDateSchema, chosen)) return draft
  const { published: _dropped, ...others } = draft.corrections
  const corrections = chosen === extracted ? others : { ...others, published: { extracted, chosen } }
  return { ...draft, article: { ...draft.article, published: chosen }, corrections }
}

/**
 * A new analysis (after a headline change) as the draft: the date the reader set stays theirs; the headline
 * correction is recorded unless the reader went back to the one found.
 */
export function draftFrom(
  analysis: Analysis,
  origin: ArticleDraft['origin'],
  foundHeadline: string,
  previous: ArticleDraft | null,
): ArticleDraft {
  const headline = analysis.article.headline
  const corrections: DraftCorrections =
    headline === foundHeadline ? {} : { headline: { extracted: foundHeadline, chosen: headline } }
  let draft: ArticleDraft = { article: analysis.article, origin, corrections }
  const published = previous?.corrections.published
  if (published) draft = withPublished(draft, published.extracted, published.chosen ?? '')
  return draft
}
