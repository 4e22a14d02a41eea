import { createContext, useContext } from 'react'
import type { Snippet } from './search-snippet'

/**
 * What the library's filters add to every card without passing through the (virtualised) list: the search's
 * best sentence for each article, and the person chosen, so an opened article keeps that person in focus.
 */
export type CardContext = { snippets: ReadonlyMap<string, Snippet> | null; speaker: string }

const context = createContext<CardContext>({ snippets: null, speaker: '' })

export const CardContextProvider = context.Provider
export const useCardContext = () => useContext(context)
