import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '../proxy';

const request = (path: string, headers: Record<string, string> = {}) => new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { headers });
const passedOn = (response: Response) => response.headers.get('x-middleware-next') === '1';

describe('the first check in front of every route', () => {
  it('answers 401 to an API call without a session', () => {
    const response = proxy(request('/api/admin/tokens'));
    expect(response.status).toBe(401);
  });

  it('passes the CLI’s local admin bearer on to the token routes only, which check it themselves', () => {
    expect(passedOn(proxy(request('/api/admin/tokens', { authorization: 'Bearer ppl_abc' })))).toBe(true);
    expect(passedOn(proxy(request('/api/admin/tokens/tok-1', { authorization: 'Bearer ppl_abc' })))).toBe(true);
    expect(proxy(request('/api/approvals', { authorization: 'Bearer ppl_abc' })).status).toBe(401);
    expect(proxy(request('/api/admin/tokens', { authorization: 'Bearer ppt_abc' })).status).toBe(401);
  });

  it('sends a page without a session to sign-in, keeping where it was going', () => {
    const response = proxy(request('/plant?line=Line1'));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location')!).pathname + new URL(response.headers.get('location')!).search).toBe('/login?next=%2Fplant%3Fline%3DLine1');
  });
});
