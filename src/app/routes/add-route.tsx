import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'
import { AddPage } from '../../features/add/add-page'
import type { ArticleDraft } from '../../features/add/draft'
import { saveDraft } from '../../features/own/save-draft'
import { indexQueryOptions } from '../../lib/data/get-index'
import { paths } from '../../lib/paths'
import { DocumentTitle } from '../../ui/document-title'
import { showToast } from '../../ui/toast'

export function Component() {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  // The stories to file it under are a convenience: the page never waits for the index.
  const stories = useQuery(indexQueryOptions()).data?.stories ?? []
  const save = async (draft: ArticleDraft) => {
    const saved = await saveDraft(queryClient, draft)
    showToast(
      saved.persistent === false
        ? 'Saved in this browser. The browser may clear it when space runs low: export your articles to keep a copy.'
        : 'Saved in this browser.',
    )
    await navigate(paths.own.build(saved.id))
  }
  return (
    <>
      <DocumentTitle title="Add an article" />
      <AddPage stories={stories} save={save} />
    </>
  )
}
