import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '@/lib/errors';
import { decodeGrayImage, encodeGrayImage, readImagePair, writeGrayImage } from './image-io';
import { renderBoardPair } from '../engine/synthetic-board';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'plantpilot-aoi-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : 'not an AppError';
  }
}

describe('image I/O', () => {
  it('round-trips a grayscale buffer through PNG exactly', async () => {
    const { template } = renderBoardPair({ seed: 1, widthPx: 160, heightPx: 120 });
    const decoded = await decodeGrayImage(await encodeGrayImage(template, 'png'));
    expect(decoded.widthPx).toBe(160);
    expect(decoded.heightPx).toBe(120);
    expect(Buffer.from(decoded.data).equals(Buffer.from(template.data))).toBe(true);
  });

  it('reads a JPEG pair written to disk', async () => {
    const pair = renderBoardPair({ seed: 2, widthPx: 160, heightPx: 160 });
    await writeGrayImage(pair.template, path.join(dir, 'a_temp.jpg'));
    await writeGrayImage(pair.test, path.join(dir, 'a_test.jpg'));
    const { template, test } = await readImagePair(path.join(dir, 'a_temp.jpg'), path.join(dir, 'a_test.jpg'));
    expect([template.widthPx, template.heightPx, test.widthPx, test.heightPx]).toEqual([160, 160, 160, 160]);
  });

  it('says a missing file is unreadable', async () => {
    expect(await codeOf(readImagePair(path.join(dir, 'missing.jpg'), path.join(dir, 'missing.jpg')))).toBe('file_unreadable');
  });

  it('says a corrupt file is invalid', async () => {
    await writeFile(path.join(dir, 'corrupt.jpg'), Buffer.from('this is not a jpeg'));
    const good = renderBoardPair({ seed: 3, widthPx: 100, heightPx: 100 }).template;
    await writeGrayImage(good, path.join(dir, 'good.png'));
    expect(await codeOf(readImagePair(path.join(dir, 'good.png'), path.join(dir, 'corrupt.jpg')))).toBe('invalid_file');
  });

  it('says a template/test size mismatch is invalid and names both sizes', async () => {
    await writeGrayImage(renderBoardPair({ seed: 4, widthPx: 100, heightPx: 100 }).template, path.join(dir, 'small.png'));
    await writeGrayImage(renderBoardPair({ seed: 4, widthPx: 120, heightPx: 100 }).template, path.join(dir, 'wide.png'));
    const attempt = readImagePair(path.join(dir, 'small.png'), path.join(dir, 'wide.png'));
    await expect(attempt).rejects.toThrow(/100×100 px but test image .* is 120×100 px/);
  });
});
