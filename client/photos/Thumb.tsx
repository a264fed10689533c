import { useEffect, useState } from 'preact/hooks'

/**
 * A photo shown from its Blob; the object URL lives as long as the picture. `id` names the photo:
 * a reread of the database brings a new Blob of the same bytes, which must not reload it.
 */
export function Thumb({ id, blob, alt }: { id: string; blob: Blob; alt: string }) {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    const made = URL.createObjectURL(blob)
    setUrl(made)
    return () => URL.revokeObjectURL(made)
  }, [id])
  return url ? <img class="thumb" src={url} alt={alt} /> : <span class="thumb" role="img" aria-label={alt} />
}
