import { requireSession } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { parseImageRef } from '@/tools/inspection/service/image-store';

export const dynamic = 'force-dynamic';

/**
 * GET /api/inspection/images/<lot>/<board>_(temp|test).png — a board image from the image store.
 * The reference is validated against the store's one pattern before any file is touched.
 */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ lot: string; file: string }> }) => {
  await requireSession(request);
  const { lot, file } = await params;
  const ref = `${lot}/${file}`;
  if (!parseImageRef(ref)) throw new AppError('not_found', 'There is no such board image. Image names look like <lot>/<board>_test.png.');
  const png = await requireService('inspection').images.read(ref);
  return new Response(new Uint8Array(png), {
    headers: {
      'content-type': 'image/png',
      'content-length': String(png.length),
      // Board images are written once and never change under the same name.
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    },
  });
});
