/**
 * Board images on disk: `<root>/<lot>/<board>_temp.png` and `_test.png`, the layout DeepPCB uses.
 * Files rather than bytea because the images are write-once and served as they are to the board
 * viewer, they stay out of database backups and vacuum, and an operator can open them directly.
 * Every reference is validated before it touches the file system: no path leaves the root.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '@/lib/errors';
import { StoreId } from './job-types';

export type ImageRole = 'temp' | 'test';

/** `<lot>/<board>_<role>.png`, the only shape of reference the store accepts. */
const REF_PATTERN = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\/([A-Za-z0-9][A-Za-z0-9_-]{0,63})_(temp|test)\.png$/;

export type ParsedImageRef = { lotId: string; boardSerial: string; role: ImageRole };

export function imageRef(lotId: string, boardSerial: string, role: ImageRole): string {
  StoreId.parse(lotId);
  StoreId.parse(boardSerial);
  return `${lotId}/${boardSerial}_${role}.png`;
}

/** The parts of a reference, or undefined when it is not a store reference (the caller says why). */
export function parseImageRef(ref: string): ParsedImageRef | undefined {
  const match = REF_PATTERN.exec(ref);
  if (!match) return undefined;
  return { lotId: match[1]!, boardSerial: match[2]!, role: match[3] as ImageRole };
}

/** Where the board viewer fetches an image. */
export function imageHref(ref: string): string {
  return `/api/inspection/images/${ref}`;
}

export class ImageStore {
  constructor(readonly root: string) {}

  #pathOf(ref: string): string {
    if (!parseImageRef(ref)) {
      throw new AppError('invalid_argument', `"${ref}" is not a board image reference; expected <lot>/<board>_temp.png or _test.png.`);
    }
    return path.join(this.root, ...ref.split('/'));
  }

  /** Writes an encoded PNG; atomic (temp file + rename), so a reader never sees half an image. */
  async write(ref: string, png: Uint8Array): Promise<void> {
    const target = this.#pathOf(ref);
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${process.pid}.partial`;
    await writeFile(partial, png);
    await rename(partial, target);
  }

  async read(ref: string): Promise<Buffer> {
    const file = this.#pathOf(ref);
    try {
      return await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new AppError(
        code === 'ENOENT' ? 'not_found' : 'file_unreadable',
        code === 'ENOENT'
          ? `Board image ${ref} is not in the image store (${this.root}). It may have been deleted; trigger the inspection again.`
          : `Cannot read board image ${file} (${code ?? String(error)}). Check the data dir's permissions.`,
        { cause: error },
      );
    }
  }
}
