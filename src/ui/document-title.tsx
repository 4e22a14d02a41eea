export const SITE_NAME = 'Parallax'

/** The page's <title>; React 19 hoists it into <head> (and the prerenderer writes it into the HTML). */
export function DocumentTitle({ title }: { title?: string }) {
  return (
    <title>
      {title ? `${title} — ${SITE_NAME}` : `${SITE_NAME} — read how outlets covered the same story`}
    </title>
  )
}
