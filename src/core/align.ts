/** PLACEHOLDER until the alignment lands: cross-article links. Pure. */
import { SCHEMA_VERSION, type Article, type Comparison } from './schema'

export function alignArticles(left: Article, right: Article): Comparison {
  return { schemaVersion: SCHEMA_VERSION, leftId: left.id, rightId: right.id, links: [], onlyLeft: [], onlyRight: [] }
}
