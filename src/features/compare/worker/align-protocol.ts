import type { Article, Comparison } from '../../../core/schema'

/** Messages between the page and the alignment worker; `id` pairs each answer with its request. */
export type AlignRequest = { id: number; left: Article; right: Article }
export type AlignResponse = { id: number; comparison: Comparison } | { id: number; error: string }
