import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { Link, LinkEvidence as Evidence } from '../../core/schema'
import { evidenceQueryOptions } from '../../lib/data/get-comparison'
import { KIND_EXPLAINED, linkKindLabel, percent } from './labels'

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

/** A bundled comparison's evidence, from its own file (see splitEvidence in core/schema.ts). */
function StoredEvidence({ linkId, leftId, rightId }: { linkId: string; leftId: string; rightId: string }) {
  const query = useQuery(evidenceQueryOptions(leftId, rightId))
  if (query.isPending) {
    return (
      <div>
        <dt>Evidence</dt>
        <dd role="status">Loading…</dd>
      </div>
    )
  }
  if (query.isError) {
    return (
      <div>
        <dt>Evidence</dt>
        <dd role="alert">
          {query.error.message}{' '}
          <button type="button" className="button cmp-button" onClick={() => void query.refetch()}>
            Try again
          </button>
        </dd>
      </div>
    )
  }
  const evidence = query.data[linkId]
  if (!evidence) {
    return (
      <div>
        <dt>Evidence</dt>
        <dd>Not recorded for this link.</dd>
      </div>
    )
  }
  return <EvidenceRows evidence={evidence} />
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
          <StoredEvidence linkId={link.id} leftId={leftId} rightId={rightId} />
        ) : null}
      </dl>
    </details>
  )
}
