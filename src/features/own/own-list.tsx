import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useRef, useState } from 'react'
import { Link } from 'react-router'
import { paths } from '../../lib/paths'
import { EXPORT_FILE_NAME, exportJson, importText } from './import-export'
import { MAX_IMPORT_LENGTH, type OwnArticle } from './own-model'
import { deleteOwnArticle, ownListQueryOptions, saveOwnArticles } from './own-queries'

function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = name
  a.click()
  // The click has started the download; the URL is no longer needed once it has been read.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

function ImportButton({ onMessage }: { onMessage: (message: string) => void }) {
  const queryClient = useQueryClient()
  const id = useId()
  return (
    <span className="own-import">
      <label htmlFor={id} className="button button-secondary">
        Import a file
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (!file) return
          // Refused before it is read: a file far over the limit would be read whole into memory first.
          if (file.size > MAX_IMPORT_LENGTH * 4) {
            onMessage('Nothing was imported. The file is too large to be a Parallax export.')
            return
          }
          file
            .text()
            .then((text) => importText(queryClient, text))
            .then(
              (outcome) =>
                onMessage(
                  outcome.ok
                    ? `Imported ${outcome.count} ${outcome.count === 1 ? 'article' : 'articles'}.`
                    : `Nothing was imported. ${outcome.message}`,
                ),
              (error: unknown) => onMessage(`Nothing was imported. ${messageOf(error)}`),
            )
        }}
      />
    </span>
  )
}

/** The own articles (newest first), each with delete; delete can be undone; export and import. */
export function OwnList() {
  const queryClient = useQueryClient()
  const list = useQuery(ownListQueryOptions())
  const [message, setMessage] = useState<string | null>(null)
  const [deleted, setDeleted] = useState<OwnArticle | null>(null)
  const undoRef = useRef<HTMLButtonElement>(null)
  const articles = list.data ?? []

  const remove = (own: OwnArticle) => {
    deleteOwnArticle(queryClient, own.article.id).then(
      () => {
        setDeleted(own)
        setMessage(`Deleted “${own.article.headline}”.`)
        requestAnimationFrame(() => undoRef.current?.focus())
      },
      (error: unknown) => setMessage(messageOf(error)),
    )
  }
  const undo = (own: OwnArticle) => {
    saveOwnArticles(queryClient, [own]).then(
      () => {
        setDeleted(null)
        setMessage(`Restored “${own.article.headline}”.`)
      },
      (error: unknown) => setMessage(messageOf(error)),
    )
  }

  return (
    <>
      {list.error ? <p className="own-error">{messageOf(list.error)}</p> : null}
      {articles.length > 0 ? (
        <ul className="own-list">
          {articles.map((own) => (
            <li key={own.article.id}>
              <Link to={paths.own.build(own.article.id)}>{own.article.headline}</Link>
              <span className="own-meta">
                {[own.article.outlet, own.article.published].filter(Boolean).join(' · ')}
              </span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={`Delete “${own.article.headline}”`}
                onClick={() => remove(own)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="own-actions">
        {articles.length > 0 ? (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => download(exportJson(articles), EXPORT_FILE_NAME)}
          >
            Export your articles
          </button>
        ) : null}
        <ImportButton onMessage={setMessage} />
      </div>
      <p className="own-status" role="status">
        {message}
        {deleted ? (
          <>
            {' '}
            <button ref={undoRef} type="button" className="button" onClick={() => undo(deleted)}>
              Undo
            </button>
          </>
        ) : null}
      </p>
    </>
  )
}
