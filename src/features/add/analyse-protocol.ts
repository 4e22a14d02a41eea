/** Messages between the add page and its analysis worker. */
import type { Article, SourceEntry } from '../../core/schema'
import type { HtmlArticle } from '../../ingest/page/article'

export type ArticleMeta = Omit<SourceEntry, 'file'>

/** A line the pipeline left out of the article, and why (`reason` is the pipeline's code). */
export type RemovedLine = { text: string; reason: string }

export type AnalyseJob =
  /** Pasted or .txt text: the text cleaner, then the pipeline (buildArticle). */
  | { kind: 'text'; text: string; meta: ArticleMeta }
  /** A saved page already extracted (on the main thread: DOMParser exists only there). */
  | { kind: 'page'; page: HtmlArticle; meta: ArticleMeta }
  /** The reader chose another line as the headline: the article built again from its parts. */
  | { kind: 'headline'; article: Article; headline: string; meta: ArticleMeta }

export type Analysis = { article: Article; removed: RemovedLine[] }

export type AnalyseRequest = { id: number; job: AnalyseJob }
export type AnalyseResponse =
  { id: number; analysis: Analysis } | { id: number; error: { code: string; message: string } }
