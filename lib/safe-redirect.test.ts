import { describe, expect, it } from 'vitest';
import { sameOriginPath } from './safe-redirect';

describe('sameOriginPath: where sign-in may send the browser', () => {
  it.each(['/approvals', '/manuals?q=reflow%20oven', '/approvals/4b1c#decision', '/plant/L1-RFL'])('keeps the app path %s', (path) => {
    expect(sameOriginPath(path)).toBe(path);
  });

  it.each([
    ['/\\evil.example/phish'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['//evil.example'],
    ['/.//evil.example'],
    ['/%2e//evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    [' /\\evil.example'],
    ['\\/evil.example'],
    [''],
  ])('refuses %j and falls back to the overview', (candidate) => {
    const result = sameOriginPath(candidate);
    expect(result).toBe('/');
    // Whatever comes back, a browser resolves it on this app's origin.
    expect(new URL(result, 'https://plant.example').origin).toBe('https://plant.example');
  });

  it('never returns a path a browser would resolve to another origin', () => {
    for (const candidate of ['/a/../..//evil.example', '/..//evil.example', '/x/%2F%2Fevil.example', '/\\\\evil.example']) {
      expect(new URL(sameOriginPath(candidate), 'https://plant.example').origin).toBe('https://plant.example');
    }
  });
});
