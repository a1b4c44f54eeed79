import { SUPPORTED_EXTENSIONS } from '../../knowledge/formats';
import styles from './manuals.module.css';

/** Plain multipart form: works without JavaScript; the route redirects back with the outcome. */
export function UploadForm({ csrfToken }: { csrfToken: string }) {
  return (
    <form className={styles.form} method="post" action="/api/manuals" encType="multipart/form-data">
      <input type="hidden" name="csrf" value={csrfToken} />
      <input type="file" name="file" multiple accept={SUPPORTED_EXTENSIONS.join(',')} required />
      <button type="submit">Upload and ingest</button>
    </form>
  );
}
