// Pages load only this app's own scripts, styles, images and connections, and no other site may
// frame them (clickjacking the Approvals page). Next.js inlines its bootstrap scripts, hence
// 'unsafe-inline'; the dev server also evaluates code, hence 'unsafe-eval' there only.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join('; ');

export const SECURITY_HEADERS = [
  { key: 'Content-Security-Policy', value: CONTENT_SECURITY_POLICY },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
];

/**
 * Next.js configuration. The app is served by Plantpilot's own server process (server/), which
 * owns the database and plant connections; packages with native or WASM parts stay external so
 * route handlers never bundle a second copy of them.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  devIndicators: false,
  serverExternalPackages: [
    '@electric-sql/pglite',
    '@electric-sql/pglite-pgvector',
    'pg',
    'pgvector',
    'node-opcua',
    'sharp',
    'pino',
    'pino-pretty',
    'pdfjs-dist',
    'pdfkit',
    'mammoth',
    '@nlpjs/core',
    '@nlpjs/nlp',
    '@nlpjs/lang-en-min',
    '@nlpjs/lang-de',
    '@microsoft/recognizers-text-suite',
  ],
  // The whole project is type-checked by `npm run typecheck` (CI runs it); doing it again inside
  // every `npm start` build would double the first start on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
  // The proxy (proxy.ts) runs in front of every route and buffers request bodies; its default 10 MB
  // cut manual uploads short, which then failed as "not a multipart form". Room for a few 50 MB files
  // (app/api/manuals/route.ts refuses bigger uploads from their declared length, after sign-in).
  experimental: { proxyClientMaxBodySize: '200mb' },
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
};

export default nextConfig;
