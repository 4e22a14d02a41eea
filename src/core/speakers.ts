/** PLACEHOLDER until quote attribution lands. Pure. */
import type { Paragraph, Quote, Speaker } from './schema'

/**
 * Finds every direct quotation in the blocks (headline, deck and body paragraphs, in reading order) and
 * attributes each to a canonical speaker.
 */
export function analyseQuotes(_blocks: readonly Paragraph[]): { quotes: Quote[]; speakers: Speaker[] } {
  return { quotes: [], speakers: [] }
}
