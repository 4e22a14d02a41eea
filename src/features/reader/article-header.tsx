import type { Article } from '../../core/schema'
import { safeHref } from '../../lib/safe-url'
import { CopyLinkButton } from '../../ui/copy-link-button'
import { formatCount, formatDate, formatReadingTime } from '../../ui/format'
import { ExternalIcon } from '../../ui/icons'
import { ShareButton } from '../../ui/share-button'
import { AnnotatedText } from './annotated-text'
import { useReaderState } from './reader-context'
import { useArticlePath } from './article-path'

/**
 * The outlet's page, only as an absolute http(s) URL that passed the site-wide allowlist (`safeHref`); a
 * same-site path or anything else in the data is not a "source" and shows no link.
 */
export function safeExternalUrl(raw: string | null): URL | null {
  if (!raw) return null
  const href = safeHref(raw)
  if (!href || !/^https?:\/\//i.test(href)) return null
  return new URL(href)
}

function creditText(credit: string): string {
  return /^(photo|image|picture|credit|illustration|video)\b/i.test(credit.replace(/^\(/, ''))
    ? credit
    : `Photo: ${credit}`
}

/** Kicker, headline and deck as the outlet wrote them, then who, where and when, and the page's actions. */
export function ArticleHeader({ article }: { article: Article }) {
  const articlePath = useArticlePath()
  const { quotes } = useReaderState()
  const source = safeExternalUrl(article.sourceUrl)
  const headline = quotes.layouts.get('headline')
  const deck = quotes.layouts.get('deck')
  return (
    <header className="reader-header">
      {article.kicker ? <p className="reader-kicker">{article.kicker}</p> : null}
      <h1 id="headline" tabIndex={-1} className="reader-headline">
        {headline ? <AnnotatedText pieces={headline.pieces} /> : article.headline}
      </h1>
      {article.deck && deck ? (
        <p id="deck" tabIndex={-1} className="reader-deck">
          <AnnotatedText pieces={deck.pieces} />
        </p>
      ) : null}
      <p className="reader-meta">
        {article.outlet ? (
          <span className="reader-outlet">{article.outlet}</span>
        ) : (
          <span className="unknown">Outlet not stated</span>
        )}
        {article.byline ? (
          <span className="reader-byline">
            {/^by\s/i.test(article.byline) ? article.byline : `By ${article.byline}`}
          </span>
        ) : (
          <span className="unknown">Author not stated</span>
        )}
        {article.dateline ? (
          <span className="reader-dateline">
            <span className="meta-label">Dateline </span>
            {article.dateline}
          </span>
        ) : null}
        {article.published ? (
          <time dateTime={article.published}>{formatDate(article.published)}</time>
        ) : (
          <span className="unknown">Date not stated</span>
        )}
        <span>
          {formatCount(article.wordCount)} words, {formatReadingTime(article.wordCount)}
        </span>
      </p>
      <div className="reader-actions">
        {source ? (
          <a className="button" href={source.href} target="_blank" rel="noopener noreferrer">
            <ExternalIcon />
            <span>
              {article.outlet ? `Original at ${article.outlet} ` : `Original on ${source.hostname} `}
              <span className="visually-hidden">(opens in new tab)</span>
            </span>
          </a>
        ) : null}
        <CopyLinkButton
          path={articlePath(article.id)}
          label="Copy link"
          accessibleLabel="Copy link to this article"
          copiedMessage="Link to the article copied"
        />
        <ShareButton
          path={articlePath(article.id)}
          title={article.headline}
          accessibleLabel="Share this article"
        />
      </div>
      {source ? <p className="print-only">Original: {source.href}</p> : null}
      {article.caption && article.caption.text ? (
        <p className="reader-caption">
          <span className="meta-label">Photo caption </span>
          {article.caption.text}
          {article.caption.credit ? (
            <span className="caption-credit"> {creditText(article.caption.credit)}</span>
          ) : null}
        </p>
      ) : null}
    </header>
  )
}
