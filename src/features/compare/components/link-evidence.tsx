import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type ReactNode } from 'react'
import type { Link, LinkEvidence as Evidence, Span } from '../../../core/schema'
import { DataError } from '../../../lib/data/fetch-json'
import { evidenceQueryOptions } from '../../../lib/data/get-comparison'
import { KIND_EXPLAINED, linkKindLabel, percent } from '../model/labels'

function List({ items, empty }: { items: readonly string[]; empty: string }) {
  if (items.length === 0) return <span className="cmp-muted">{empty}</span>
  return (
    <ul className="cmp-chips">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}

function EvidenceRows({ evidence }: { evidence: Evidence }) {
  return (
    <>
      {evidence.quoteOverlap ? (
        <div>
          <dt>Quoted words in common</dt>
          <dd>“{evidence.quoteOverlap}”</dd>
        </div>
      ) : null}
      {(
        [
          ['Shared words', evidence.sharedTerms],
          ['Shared names', evidence.sharedEntities],
          ['Shared numbers and dates', evidence.sharedNumbers],
        ] as const
      ).map(([term, items]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>
            <List items={items} empty="None" />
          </dd>
        </div>
      ))}
      {evidence.note ? (
        <div>
          <dt>Note</dt>
          <dd>{evidence.note}</dd>
        </div>
      ) : null}
    </>
  )
}

function sameSpan(a: Span, b: Span): boolean {
  return a.paragraphId === b.paragraphId && a.start === b.start && a.end === b.end
}

function EvidenceNotice({ children, role }: { children: ReactNode; role?: 'alert' | 'status' }) {
  return (
    <div>
      <dt>Evidence</dt>
      <dd role={role}>{children}</dd>
    </div>
  )
}

/** What went wrong loading the evidence file, in words a reader can act on. */
function failureText(error: Error): { text: string; retry: boolean } {
  if (error instanceof DataError && error.kind === 'not-found')
    return {
      text: 'Why these passages were linked is not available: the file that says so is missing.',
      retry: false,
    }
  if (error instanceof DataError && error.kind === 'invalid')
    return {
      text: 'Why these passages were linked is not available: the file that says so is damaged.',
      retry: false,
    }
  return {
    text: 'Why these passages were linked could not be loaded. Check your connection and',
    retry: true,
  }
}

/** A bundled comparison's evidence, from its own file (see splitEvidence in core/schema.ts). */
function StoredEvidence({ link, leftId, rightId }: { link: Link; leftId: string; rightId: string }) {
  const query = useQuery(evidenceQueryOptions(leftId, rightId))
  if (query.isPending) return <EvidenceNotice role="status">Loading…</EvidenceNotice>
  if (query.isError) {
    const { text, retry } = failureText(query.error)
    return (
      <EvidenceNotice role="alert">
        {text}
        {retry ? (
          <>
            {' '}
            <button type="button" className="button cmp-button" onClick={() => void query.refetch()}>
              try again
            </button>
          </>
        ) : null}
      </EvidenceNotice>
    )
  }
  const stored = query.data[link.id]
  if (!stored) return <EvidenceNotice>Not recorded for this link.</EvidenceNotice>
  if (!sameSpan(stored.left, link.left) || !sameSpan(stored.right, link.right)) {
    return (
      <EvidenceNotice role="alert">
        This comparison has been rebuilt since the page was opened, and its evidence no longer matches these
        passages.{' '}
        <button type="button" className="button cmp-button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </EvidenceNotice>
    )
  }
  return <EvidenceRows evidence={stored} />
}

/**
 * Why two passages are linked, in the alignment's own terms, so a reader can judge the link. A pair
 * aligned here (in the Web Worker) has it in hand; a bundled pair's is in a file of its own, fetched
 * once a link is selected (so it is usually in by the time "Why linked?" is opened).
 */
export function LinkEvidence({ link, leftId, rightId }: { link: Link; leftId: string; rightId: string }) {
  const [open, setOpen] = useState(false)
  const queryClient = useQueryClient()
  const stored = link.evidence === undefined
  useEffect(() => {
    if (stored) void queryClient.prefetchQuery(evidenceQueryOptions(leftId, rightId))
  }, [stored, queryClient, leftId, rightId])
  return (
    <details className="cmp-evidence" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Why linked?</summary>
      <dl>
        <div>
          <dt>Kind</dt>
          <dd>
            {linkKindLabel(link.kind)}: {KIND_EXPLAINED[link.kind]}
          </dd>
        </div>
        <div>
          <dt>Score</dt>
          <dd>{percent(link.score)} match</dd>
        </div>
        {link.evidence ? (
          <EvidenceRows evidence={link.evidence} />
        ) : open ? (
          <StoredEvidence link={link} leftId={leftId} rightId={rightId} />
        ) : null}
      </dl>
    </details>
  )
}
