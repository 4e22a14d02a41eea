import type { OwnArticle } from './own-model'
import './own.css'
import { ShareOwnButton } from './share-own-button'

/** Above an own article in the reader: whose it is, where it is kept, and what the reader corrected. */
export function OwnArticleNote({ own }: { own: OwnArticle }) {
  const { headline, published } = own.corrections
  return (
    <aside className="own-note" aria-label="About this article">
      <p>
        Your article, added {own.addedAt.slice(0, 10)}
        {own.origin.fileName ? ` from ${own.origin.fileName}` : ''}. It is kept in this browser only.
      </p>
      {headline || published ? (
        <ul>
          {headline ? (
            <li>
              Headline chosen by you (found: <q>{headline.extracted}</q>).
            </li>
          ) : null}
          {published ? <li>Date corrected by you (found: {published.extracted ?? 'none'}).</li> : null}
        </ul>
      ) : null}
      <ShareOwnButton own={own} />
    </aside>
  )
}
