/**
 * What the reader gives the add page -> an analysis job, or a message saying why not. Checked here, before
 * anything is parsed: size, binary data, emptiness. A saved page is parsed with the browser's own DOMParser
 * into an inert document (never inserted into the page: no script runs, nothing loads) and goes through the
 * same extraction as the CLI (src/ingest/page/article.ts). DOMParser exists only on the main thread, so
 * the extraction runs here and the pipeline in the worker.
 */
import { IngestError, MAX_TEXT_LENGTH } from '../../core/pipeline'
import { pageArticleText } from '../../ingest/page/article'
import { MAX_HTML_LENGTH } from '../../ingest/page/parse'
import { formatCount } from '../../ui/format'
import type { AnalyseJob, ArticleMeta } from './analyse-protocol'

/** Input the add page refuses, with a sentence the reader can act on. */
export class InputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'InputError'
  }
}

/** Largest file read, in bytes (a saved page with its inline styles and scripts is rarely over 3 MB). */
export const MAX_FILE_BYTES = MAX_HTML_LENGTH

const megabytes = (n: number) => `${Math.round(n / 100_000) / 10} MB`

/** A pipeline message ("the page is …") as a sentence. */
export function sentence(message: string): string {
  const s = message.trim()
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?)]$/.test(s) ? '' : '.'}`
}

/** Markup rather than text: a saved page pasted or a file that starts like one. */
export function looksLikeHtml(text: string, fileName: string | null): boolean {
  if (fileName !== null) return /\.x?html?$/i.test(fileName)
  return /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(text)
}

/** A file's bytes as text: strict UTF-8, no NUL characters. */
export function decodeFile(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new InputError('The file is empty.')
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new InputError(
      'The file is not UTF-8 text: it may be binary (an image, a PDF, a word-processor file) or saved in another encoding. Save the page as HTML or text, then try again.',
    )
  }
  if (text.includes('\u0000')) {
    throw new InputError('The file contains NUL characters: it looks like a binary file, not a page or text.')
  }
  return text
}

export async function readFile(file: File): Promise<string> {
  if (file.size > MAX_FILE_BYTES) {
    throw new InputError(
      `The file is ${megabytes(file.size)}; the largest file Parallax reads is ${megabytes(MAX_FILE_BYTES)}.`,
    )
  }
  return decodeFile(new Uint8Array(await file.arrayBuffer()))
}

/**
 * The browser's own parser: an inert document that is never attached to the page, where scripting is off.
 * Chromium still fires a broken image's error event there and checks its `onerror` handler against the CSP
 * (which blocks it, logging a violation): event-handler attributes are renamed first, so none is ever
 * compiled. Extraction reads no such attribute.
 */
export function inertDocument(markup: string): Document {
  const quiet = markup.replace(/<[a-z][^>]*>/gi, (tag) => tag.replace(/(\s)on([a-z]+\s*=)/gi, '$1data-on$2'))
  return new DOMParser().parseFromString(quiet, 'text/html')
}

/** The job for a text or a page, or an InputError (IngestErrors from the extraction become one too). */
export function jobFor(
  text: string,
  fileName: string | null,
  meta: ArticleMeta,
  parseMarkup: (markup: string) => Document = inertDocument,
): AnalyseJob {
  if (text.trim() === '') {
    throw new InputError(
      fileName ? 'The file has no text in it.' : 'Paste the text of an article first, or open a file.',
    )
  }
  const html = looksLikeHtml(text, fileName)
  if (!html && text.length > MAX_TEXT_LENGTH) {
    throw new InputError(
      `The text is ${formatCount(text.length)} characters long; an article is rarely over 100,000 and the limit is ${formatCount(MAX_TEXT_LENGTH)}. Paste only the article.`,
    )
  }
  if (!html) return { kind: 'text', text, meta }
  try {
    return { kind: 'page', page: pageArticleText(text, parseMarkup, meta.sourceUrl ?? undefined), meta }
  } catch (error) {
    if (error instanceof IngestError) throw new InputError(sentence(error.message))
    throw error
  }
}
