/**
 * A .docx is a ZIP archive, and a small ZIP can expand to gigabytes (a "zip bomb"). Before any
 * parser inflates a byte, this reads the archive's central directory and refuses archives with
 * too many entries, too much declared content, or entries that expand far more than XML does.
 * The sizes are the archive's own claims; the extraction worker's memory limit and timeout are
 * what hold when an archive lies about them.
 */
import { AppError } from '../../lib/errors';

export type ZipLimits = {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed/compressed ratio allowed for an entry bigger than `ratioCheckFromBytes`. */
  maxCompressionRatio: number;
  ratioCheckFromBytes: number;
};

/** Real Word files: tens of entries, a few MB of XML, compression ratios around 5–30. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxUncompressedBytes: 100 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckFromBytes: 1024 * 1024,
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_MIN_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

export type ZipSummary = { entries: number; uncompressedBytes: number };

function findEndOfCentralDirectory(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - EOCD_MIN_BYTES - MAX_COMMENT_BYTES);
  for (let at = bytes.length - EOCD_MIN_BYTES; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** Throws AppError('invalid_file' | 'too_large') when the archive is unreadable or over the limits. */
export function checkZipLimits(bytes: Buffer, name: string, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipSummary {
  const broken = (why: string) =>
    new AppError('invalid_file', `${name}: the Word file cannot be read (${why}). Check that it opens in Word, then save it again.`);
  if (bytes.length < EOCD_MIN_BYTES) throw broken('it is truncated');
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw broken('no ZIP directory at its end; it is truncated or not a ZIP archive');
  const entries = bytes.readUInt16LE(eocd + 10);
  const directoryOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || directoryOffset === 0xffffffff) throw broken('a ZIP64 archive, which Word does not write');
  if (entries > limits.maxEntries) {
    throw new AppError(
      'invalid_file',
      `${name}: the archive holds ${entries} entries; a Word file has far fewer (limit ${limits.maxEntries}). It was not read.`,
    );
  }
  let at = directoryOffset;
  let uncompressedBytes = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw broken('its ZIP directory is damaged');
    const compressed = bytes.readUInt32LE(at + 20);
    const uncompressed = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    uncompressedBytes += uncompressed;
    if (uncompressedBytes > limits.maxUncompressedBytes) {
      const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
      throw new AppError(
        'too_large',
        `${name}: the archive expands to more than ${mb(limits.maxUncompressedBytes)}, far more than a Word document's text needs. It was not read; save the document without embedded media, or as PDF.`,
      );
    }
    if (uncompressed > limits.ratioCheckFromBytes && uncompressed > limits.maxCompressionRatio * Math.max(compressed, 1)) {
      throw new AppError(
        'invalid_file',
        `${name}: the entry ${entryName} expands ${Math.round(uncompressed / Math.max(compressed, 1))}-fold, as a ZIP bomb does, not as a Word document does. It was not read.`,
      );
    }
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return { entries, uncompressedBytes };
}
