import { useState } from 'react'
import { analyseInWorker, AnalyseError } from './analyse-client'
import type { Analysis, ArticleMeta, RemovedLine } from './analyse-protocol'
import { emptyMetaFields, readMeta, type MetaFields } from './article-meta'
import { AddForm, type StoryChoice } from './add-form'
import { draftFrom, headlineChoices, withPublished, type ArticleDraft } from './draft'
import { DraftPreview } from './draft-preview'
import { InputError, jobFor, readFile, sentence } from './read-input'
import './add.css'

type Found = { base: Analysis; meta: ArticleMeta; origin: ArticleDraft['origin']; choices: string[] }

/** A failure as the sentence shown; anything unexpected is a bug, and says so. */
function messageOf(error: unknown): string {
  if (error instanceof InputError) return error.message
  if (error instanceof AnalyseError) return `No article could be made from this: ${sentence(error.message)}`
  if (error instanceof Error && error.name === 'StorageError') return error.message
  return `Something went wrong reading this (${error instanceof Error ? error.message : String(error)}).`
}

type AddPageProps = {
  stories: readonly StoryChoice[]
  /** Stores the draft; resolves when it is saved (the route then opens it), rejects with a StorageError. */
  save: (draft: ArticleDraft) => Promise<void>
}

/** /add: paste or open an article, check what was found, correct it, save it in this browser. */
export function AddPage({ stories, save }: AddPageProps) {
  const [fields, setFields] = useState<MetaFields>(emptyMetaFields)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [found, setFound] = useState<Found | null>(null)
  const [draft, setDraft] = useState<ArticleDraft | null>(null)
  const [removed, setRemoved] = useState<RemovedLine[]>([])

  const run = async (task: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await task()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const analyseSource = async (text: string, fileName: string | null) => {
    setFound(null)
    setDraft(null)
    const meta = readMeta(fields)
    if (!meta.ok) throw new InputError(meta.message)
    const base = await analyseInWorker(jobFor(text, fileName, meta.meta))
    const origin = { kind: fileName === null ? 'paste' : 'file', fileName } as const
    setFound({ base, meta: meta.meta, origin, choices: headlineChoices(base) })
    setRemoved(base.removed)
    setDraft(draftFrom(base, origin, base.article.headline, null))
  }

  const chooseHeadline = (line: string) => {
    if (!found) return
    const { base, meta, origin } = found
    void run(async () => {
      const next =
        line === base.article.headline
          ? base
          : await analyseInWorker({ kind: 'headline', article: base.article, headline: line, meta })
      setRemoved([...next.removed, ...base.removed.filter((r) => r.text !== line)])
      setDraft((previous) => draftFrom(next, origin, base.article.headline, previous))
    })
  }

  return (
    <div className="page add-page">
      <h1>Add an article</h1>
      <p className="add-intro">
        Paste an article or open a saved page to read it with its quotes highlighted. It is read and kept in
        this browser only: nothing is sent anywhere.
      </p>
      <AddForm
        fields={fields}
        onFields={setFields}
        stories={stories}
        busy={busy}
        onText={(text) => void run(() => analyseSource(text, null))}
        onFile={(file) => void run(async () => analyseSource(await readFile(file), file.name))}
      />
      <p className="add-error" role="alert">
        {error}
      </p>
      {found && draft ? (
        <section className="add-preview-section" aria-labelledby="add-preview-title">
          <h2 id="add-preview-title">Preview: check it before you save</h2>
          <DraftPreview
            draft={draft}
            removed={removed}
            choices={found.choices}
            busy={busy}
            onHeadline={chooseHeadline}
            onPublished={(value) => setDraft(withPublished(draft, found.base.article.published, value))}
          />
          <button
            type="button"
            className="button add-save"
            disabled={busy}
            onClick={() => void run(() => save(draft))}
          >
            Save to your articles
          </button>
        </section>
      ) : null}
    </div>
  )
}
