import { useId, useState, type DragEvent, type FormEvent } from 'react'
import { MAX_TEXT_LENGTH } from '../../core/pipeline'
import type { MetaFields } from './article-meta'

export type StoryChoice = { id: string; title: string }

type AddFormProps = {
  fields: MetaFields
  onFields: (fields: MetaFields) => void
  stories: readonly StoryChoice[]
  busy: boolean
  /** Pasted text to analyse. */
  onText: (text: string) => void
  /** A file opened or dropped. */
  onFile: (file: File) => void
}

function MetaInputs({ fields, onFields, stories }: Pick<AddFormProps, 'fields' | 'onFields' | 'stories'>) {
  const id = useId()
  const set = (key: keyof MetaFields) => (event: { target: { value: string } }) =>
    onFields({ ...fields, [key]: event.target.value })
  return (
    <fieldset className="add-meta">
      <legend>About the article (optional)</legend>
      <label htmlFor={`${id}-outlet`}>Outlet</label>
      <input id={`${id}-outlet`} value={fields.outlet} onChange={set('outlet')} autoComplete="off" />
      <label htmlFor={`${id}-url`}>Original URL</label>
      <input
        id={`${id}-url`}
        type="url"
        inputMode="url"
        value={fields.url}
        onChange={set('url')}
        placeholder="https://"
      />
      <label htmlFor={`${id}-date`}>Date</label>
      <input id={`${id}-date`} type="date" value={fields.published} onChange={set('published')} />
      <label htmlFor={`${id}-story`}>Story</label>
      <select id={`${id}-story`} value={fields.storyId} onChange={set('storyId')}>
        <option value="">None</option>
        {stories.map((s) => (
          <option key={s.id} value={s.id}>
            {s.title}
          </option>
        ))}
      </select>
    </fieldset>
  )
}

/** Paste, open or drop: the article's source, and what the reader knows about it. */
export function AddForm({ fields, onFields, stories, busy, onText, onFile }: AddFormProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [dragging, setDragging] = useState(false)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onText(text)
  }
  const drop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const file = event.dataTransfer.files[0]
    if (file) onFile(file)
  }
  return (
    <form className="add-form" onSubmit={submit} aria-busy={busy}>
      <label htmlFor={`${id}-text`}>Article text</label>
      <textarea
        id={`${id}-text`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onPaste={(event) => {
          // A paste far over the limit never lands in the field (a browser crawls with megabytes in a
          // textarea): it goes straight to the checks, which refuse it with its size.
          const pasted = event.clipboardData.getData('text/plain')
          if (pasted.length <= MAX_TEXT_LENGTH) return
          event.preventDefault()
          onText(pasted)
        }}
        rows={10}
        placeholder="Paste the article as copied from the page: headline, byline and body."
      />
      <div
        className={dragging ? 'add-drop add-drop-active' : 'add-drop'}
        data-testid="add-drop"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
      >
        <label htmlFor={`${id}-file`}>Or open a saved page or text file (.html, .txt), or drop it here</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".txt,.html,.htm,text/plain,text/html"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) onFile(file)
          }}
        />
      </div>
      <MetaInputs fields={fields} onFields={onFields} stories={stories} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Reading…' : 'Read the pasted text'}
      </button>
    </form>
  )
}
