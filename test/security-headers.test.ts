import type { NextConfig } from 'next';
import { describe, expect, it } from 'vitest';
// @ts-expect-error next.config.js is plain JavaScript with a JSDoc type.
import untypedConfig from '../next.config.js';

const nextConfig = untypedConfig as NextConfig;

describe('security headers on every page and route', () => {
  it('forbids framing by other sites and limits where pages load from', async () => {
    const rules = await nextConfig.headers!();
    const all = rules.find((rule) => rule.source === '/:path*');
    const headers = Object.fromEntries(all!.headers.map((h: { key: string; value: string }) => [h.key.toLowerCase(), h.value]));
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'self'/);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['content-security-policy']).toMatch(/object-src 'none'/);
  });
});
