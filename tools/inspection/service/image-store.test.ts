import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImageStore, imageRef, parseImageRef } from './image-store';

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

describe('image store', () => {
  it('writes and reads images by reference under its root', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pp-images-'));
    const store = new ImageStore(root);
    const ref = imageRef('PO-24117', 'B0001', 'test');
    await store.write(ref, new Uint8Array([1, 2, 3]));
    expect(ref).toBe('PO-24117/B0001_test.png');
    expect([...(await store.read(ref))]).toEqual([1, 2, 3]);
    expect([...(await readFile(path.join(root, 'PO-24117', 'B0001_test.png')))]).toEqual([1, 2, 3]);
  });

  it('refuses references that could leave the root', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pp-images-'));
    const store = new ImageStore(root);
    for (const ref of ['../etc/passwd', 'lot/../../x_test.png', '/abs/B1_test.png', 'lot/B1_test.jpg', 'lot/.hidden_test.png', 'a/b/c_test.png']) {
      expect(parseImageRef(ref)).toBeUndefined();
      await expect(store.read(ref)).rejects.toMatchObject({ code: 'invalid_argument' });
    }
    expect(() => imageRef('..', 'B1', 'temp')).toThrow();
  });

  it('says plainly when an image is missing', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pp-images-'));
    await expect(new ImageStore(root).read('lot/B1_temp.png')).rejects.toMatchObject({ code: 'not_found', message: /not in the image store/ });
  });
});
