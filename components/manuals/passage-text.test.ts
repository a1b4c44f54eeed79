import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PassageText } from './passage-text';

const render = (body: string) => renderToStaticMarkup(createElement(PassageText, { body }));

describe('a stored passage on the document page', () => {
  it('shows table rows as a table with the header row first', () => {
    const html = render(
      'Code | Meaning | Action\nE-214 | Zone 4 over temperature | Check the heater contactor\nE-230 | Residual O2 high | Check the N2 supply',
    );
    expect(html).toMatch(/<thead><tr><th>Code<\/th><th>Meaning<\/th><th>Action<\/th><\/tr><\/thead>/);
    expect(html).toContain('<td>E-230</td><td>Residual O2 high</td><td>Check the N2 supply</td>');
  });

  it('shows numbered steps and bullets as lists, keeping the step numbers of a continued list', () => {
    expect(render('- Lock out at the main isolator.\n- Vent the receiver to 0 bar.')).toBe(
      '<ul><li>Lock out at the main isolator.</li><li>Vent the receiver to 0 bar.</li></ul>',
    );
    expect(render('4. Open the drain valve.\n5. Replace the oil filter.')).toMatch(/^<ol start="4"><li>Open the drain valve.<\/li>/);
  });

  it('keeps paragraphs as text, blocks apart, and markup in a manual inert', () => {
    const html = render('Warm up for 20 min.\nThen load the recipe.\n\n<script>alert(1)</script> a | b');
    expect(html).toMatch(/<p class="[^"]*passageParagraph[^"]*">Warm up for 20 min.\nThen load the recipe.<\/p>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; a | b');
    expect(html).not.toContain('<table');
  });
});
