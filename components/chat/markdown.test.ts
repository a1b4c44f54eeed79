import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../tools/sources';
import { Markdown } from './markdown';

const SOURCES = [{ title: 'Reflow Oven Manual §5 Alarms', href: '/manuals/reflow-oven-manual.pdf#page=4' }, { title: 'Alarm E-214 on L1-RFL' }] as Source[];

const render = (text: string, sources: Source[] = SOURCES) => renderToStaticMarkup(createElement(Markdown, { text, sources }));

describe('answer Markdown', () => {
  it('turns [n] markers into citations: a link where the source has one, a superscript where not', () => {
    const html = render('Zone 4 is over temperature [1], raised at 06:12 [2]. Unknown [7].');
    // CSS-module class names are hashed: match the "cite" inside them.
    expect(html).toMatch(
      /<a class="[^"]*cite[^"]*" href="\/manuals\/reflow-oven-manual.pdf#page=4" title="Reflow Oven Manual §5 Alarms" target="_blank" rel="noreferrer">1<\/a>/,
    );
    expect(html).toMatch(/<sup class="[^"]*cite[^"]*" title="Alarm E-214 on L1-RFL">2<\/sup>/);
    expect(html).toMatch(/<sup class="[^"]*cite[^"]*">7<\/sup>/);
    expect(html).not.toContain('cite:');
  });

  it('leaves markers in code as written', () => {
    const html = render('Use `tags[1]` here.\n\n```\nrow[2] = 5\n```');
    expect(html).toContain('<code>tags[1]</code>');
    expect(html).toContain('row[2] = 5');
    expect(html).not.toMatch(/class="[^"]*cite/);
  });

  it('renders GFM tables, lists, emphasis and code', () => {
    const html = render('| Asset | RUL (h) |\n|---|---|\n| L1-PNP1 | **41** |\n\n1. Stop the line\n2. Lock out\n\n- `Zone4.SetpointC`');
    expect(html).toMatch(/<div class="[^"]*tableWrap[^"]*"><table><thead><tr><th>Asset<\/th><th>RUL \(h\)<\/th><\/tr><\/thead>/);
    expect(html).toContain('<td><strong>41</strong></td>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<li>Stop the line</li>');
    expect(html).toContain('<code>Zone4.SetpointC</code>');
  });

  it('never renders raw HTML or unsafe links from an answer', () => {
    const html = render(
      '<img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n[approve](javascript:alert(3)) [doc](/manuals/x) [web](https://example.com) ![p](https://evil/x.png)',
    );
    expect(html).not.toMatch(/<img|<script|onerror|javascript:/i);
    expect(html).toContain('approve');
    expect(html).toContain('<a href="/manuals/x" target="_blank" rel="noreferrer">doc</a>');
    expect(html).toContain('<a href="https://example.com" target="_blank" rel="noreferrer">web</a>');
  });
});
