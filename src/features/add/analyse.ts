/**
 * The add page's analysis: the same pipeline as the build (buildArticle for text, articleFromPage for a
 * saved page), plus the lines the text cleaner removed with their reasons, for the preview. Pure: the worker
 * runs it, and so do the tests.
 */
import { cleanArticle } from '../../core/clean'
import { buildArticle, buildArticleFromParts } from '../../core/pipeline'
import type { Article } from '../../core/schema'
import { articleFromPage } from '../../ingest/page/article'
import type { AnalyseJob, Analysis } from './analyse-protocol'

function withHeadline(article: Article, headline: string, meta: AnalyseJob['meta']): Analysis {
  const wasBody = article.paragraphs.find((p) => p.text === headline)
  const rebuilt = buildArticleFromParts(
    {
      headline,
      deck: article.deck === headline ? null : article.deck,
      kicker: article.kicker === headline ? null : article.kicker,
      byline: article.byline,
      published: article.published,
      caption: null,
      paragraphs: article.paragraphs.filter((p) => p !== wasBody).map((p) => p.text),
    },
    { ...meta, id: article.id },
  )
  // The dateline was read off the first paragraph the first time, and the caption is kept as it was read.
  const kept = { ...rebuilt, dateline: rebuilt.dateline ?? article.dateline, caption: article.caption }
  return { article: kept, removed: [{ text: article.headline, reason: 'replaced-as-headline' }] }
}

/** Runs one job; throws an IngestError (with a reason a reader can act on) when there is no article. */
export function analyse(job: AnalyseJob): Analysis {
  switch (job.kind) {
    case 'text': {
      const article = buildArticle(job.text, job.meta)
      const removed = cleanArticle(job.text).removed.map(({ text, reason }) => ({ text, reason }))
      return { article, removed }
    }
    case 'page':
      return { article: articleFromPage(job.page, job.meta), removed: [] }
    case 'headline':
      return withHeadline(job.article, job.headline, job.meta)
  }
}
