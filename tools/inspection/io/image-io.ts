/**
 * Image files ↔ grayscale buffers, through sharp (libvips). The engine never touches files;
 * this module is the boundary where missing, corrupt and mismatched images become clear errors.
 */
import { readFile, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { AppError } from '@/lib/errors';
import type { GrayImage } from '../engine/gray-image';

/** Decodes an encoded image (JPEG, PNG, …) to 8-bit grayscale. `label` names it in errors. */
export async function decodeGrayImage(encoded: Uint8Array, label = 'image'): Promise<GrayImage> {
  try {
    const { data, info } = await sharp(encoded).greyscale().raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) {
      // greyscale() keeps an alpha channel when there is one; take the gray channel only.
      const gray = new Uint8Array(info.width * info.height);
      for (let i = 0; i < gray.length; i++) gray[i] = data[i * info.channels];
      return { widthPx: info.width, heightPx: info.height, data: gray };
    }
    return { widthPx: info.width, heightPx: info.height, data: new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.length) };
  } catch (error) {
    throw new AppError(
      'invalid_file',
      `Cannot decode ${label} as an image (${error instanceof Error ? error.message : String(error)}). ` + 'Check that it is a complete JPEG or PNG file.',
      { cause: error },
    );
  }
}

export async function readGrayImage(filePath: string): Promise<GrayImage> {
  let encoded: Buffer;
  try {
    encoded = await readFile(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'file_unreadable',
      code === 'ENOENT'
        ? `Image ${filePath} does not exist. Check the path.`
        : `Cannot read image ${filePath} (${code ?? String(error)}). Check the path and its permissions.`,
      { cause: error },
    );
  }
  return decodeGrayImage(encoded, filePath);
}

/** Reads a template and its test image and checks they have the same size. */
export async function readImagePair(templatePath: string, testPath: string): Promise<{ template: GrayImage; test: GrayImage }> {
  const [template, test] = await Promise.all([readGrayImage(templatePath), readGrayImage(testPath)]);
  if (template.widthPx !== test.widthPx || template.heightPx !== test.heightPx) {
    throw new AppError(
      'invalid_file',
      `Template ${templatePath} is ${template.widthPx}×${template.heightPx} px but test image ${testPath} is ` +
        `${test.widthPx}×${test.heightPx} px. Use the template captured for the same board and camera.`,
    );
  }
  return { template, test };
}

export type EncodeFormat = 'png' | 'jpeg';

/** Encodes a grayscale buffer; JPEG `quality` is 1..100. */
export async function encodeGrayImage(image: GrayImage, format: EncodeFormat = 'png', quality = 95): Promise<Buffer> {
  const pipeline = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length), {
    raw: { width: image.widthPx, height: image.heightPx, channels: 1 },
  });
  return format === 'png' ? pipeline.png().toBuffer() : pipeline.jpeg({ quality }).toBuffer();
}

export async function writeGrayImage(image: GrayImage, filePath: string, quality = 95): Promise<void> {
  const format: EncodeFormat = /\.jpe?g$/i.test(filePath) ? 'jpeg' : 'png';
  await writeFile(filePath, await encodeGrayImage(image, format, quality));
}
