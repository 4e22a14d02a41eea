import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { saveDraft } from '../../features/own/save-draft'
import { readSharedPayload } from '../../features/own/share-link'
import { SharedNote } from '../../features/own/shared-note'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'
import { ArticlePathContext, ArticleReader } from './article-route'

/** /shared#<payload>: an article carried by the link itself, validated like an import, kept on request. */
export function Component() {
  const payload = useLocation().hash.replace(/^#/, '')
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const [problem, setProblem] = useState<string | null>(null)
  const [keeping, setKeeping] = useState(false)
  const read = useQuery({
    // Not under ['own']: keeping the article refreshes the reader's own list, not this link's reading.
    queryKey: ['shared', payload],
    queryFn: () => readSharedPayload(payload),
    staleTime: Infinity,
  })
  if (read.isError) {
    return (
      <div className="page">
        <DocumentTitle title="This link cannot be opened" />
        <h1>This link cannot be opened</h1>
        <p role="alert">The article in this link could not be read in this browser.</p>
      </div>
    )
  }
  if (!read.data) {
    return (
      <p className="page page-loading" role="status">
        Opening the article in this link…
      </p>
    )
  }
  if (!read.data.ok) {
    return (
      <div className="page">
        <DocumentTitle title="This link cannot be opened" />
        <h1>This link cannot be opened</h1>
        <p role="alert">{read.data.message}</p>
      </div>
    )
  }
  const own = read.data.own
  const keep = () => {
    // One click, one copy: a second click while the first saves would keep the article twice.
    if (keeping) return
    setKeeping(true)
    const { addedAt: _now, ...draft } = own
    saveDraft(queryClient, draft).then(
      (saved) => navigate(paths.own.build(saved.id)),
      (error: unknown) => {
        setKeeping(false)
        setProblem(error instanceof Error ? error.message : String(error))
      },
    )
  }
  return (
    <div className="page page-reader">
      <DocumentTitle title={own.article.headline} />
      <SharedNote own={own} onKeep={keep} problem={problem} />
      <ArticlePathContext value={(_id, params) => paths.shared.build(payload, params)}>
        <ArticleReader key={payload} article={own.article} />
      </ArticlePathContext>
    </div>
  )
}
