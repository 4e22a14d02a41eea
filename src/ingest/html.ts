/**
 * A saved HTML page -> scraped-style text for the pipeline, in Node: the extraction of page/article.ts over
 * a linkedom document. The browser runs the same extraction over its own DOMParser's document.
 */
import { pageArticleText, type HtmlArticle } from './page/article'
import { linkedomDocument } from './page/linkedom-document'

export { articleFromPage, type HtmlArticle } from './page/article'

/** Finds the article in a saved page. Throws an IngestError when the page has none or cannot be read. */
export function htmlToArticleText(html: string, url?: string): HtmlArticle {
  return pageArticleText(html, linkedomDocument, url)
}
