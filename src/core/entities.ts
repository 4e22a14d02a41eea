/** PLACEHOLDER until entity extraction lands. Pure. */
import type { Entity, Paragraph, Speaker } from './schema'

/** People, places and organisations mentioned in the blocks, canonicalised, with every mention's span. */
export function extractEntities(_blocks: readonly Paragraph[], _speakers: readonly Speaker[]): Entity[] {
  return []
}
