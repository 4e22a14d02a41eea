/**
 * Export and import of the own articles. An export is one JSON file (own-model.ts's exportFileSchema);
 * an import is validated whole before anything is stored, and stored in one transaction: all or nothing.
 */
import type { QueryClient } from '@tanstack/react-query'
import { exportFile, readExportFile, uniqueId, type OwnArticle } from './own-model'
import { ownStore, saveOwnArticles } from './own-queries'

export const EXPORT_FILE_NAME = 'parallax-articles.json'

export function exportJson(articles: readonly OwnArticle[]): string {
  return `${JSON.stringify(exportFile(articles), null, 2)}\n`
}

/** Imported articles get ids no stored article has: an import never replaces what is there. */
export function withFreshIds(incoming: readonly OwnArticle[], stored: readonly OwnArticle[]): OwnArticle[] {
  const taken = new Set(stored.map((a) => a.article.id))
  return incoming.map((own) => {
    const id = uniqueId(own.article.id, taken)
    taken.add(id)
    return id === own.article.id ? own : { ...own, article: { ...own.article, id } }
  })
}

export type ImportOutcome = { ok: true; count: number } | { ok: false; message: string }

export async function importText(queryClient: QueryClient, text: string): Promise<ImportOutcome> {
  const read = readExportFile(text)
  if (!read.ok) return read
  const articles = withFreshIds(read.articles, await ownStore().list())
  await saveOwnArticles(queryClient, articles)
  return { ok: true, count: articles.length }
}
