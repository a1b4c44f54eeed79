/**
 * Next.js configuration. The app is served by Plantpilot's own server process (lib/server), which
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
  ],
  // The whole project is type-checked by `npm run typecheck` (CI runs it); doing it again inside
  // every `npm start` build would double the first start on a 2-core machine.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
