import { describe, expect, it } from 'vitest';
import { withSiteHrefs } from './site-hrefs';

describe('site hrefs', () => {
  it('adds the site to list and tag-window links only, leaving the value untouched', () => {
    const report = {
      sources: [
        { kind: 'tag', href: '/handovers/tags?asset=L1-RFL&tag=State&from=a&to=b' },
        { kind: 'event', href: '/handovers/events/42' },
        { kind: 'event', href: '/handovers/events?from=a&to=b&kind=alarm' },
        { kind: 'approval', href: '/approvals/x' },
      ],
      when: new Date(0).toISOString(),
    };
    const rewritten = withSiteHrefs(report, 'ERL');
    expect(rewritten.sources.map((source) => source.href)).toEqual([
      '/handovers/tags?asset=L1-RFL&tag=State&from=a&to=b&site=ERL',
      '/handovers/events/42',
      '/handovers/events?from=a&to=b&kind=alarm&site=ERL',
      '/approvals/x',
    ]);
    expect(report.sources[0]!.href).not.toContain('site=');
    expect(rewritten.when).toBe(report.when);
  });
});
