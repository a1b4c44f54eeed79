/**
 * remark plugin: turns the answer's `[n]` source markers into links to `cite:n`, which the chat's
 * Markdown component renders as superscript citations. Markers inside code spans, code blocks and
 * links stay as written. A marker the model wrote for a source that does not exist is still turned
 * into a link here; the renderer shows it without a target.
 */

/** The slice of mdast this plugin touches (the full types live in @types/mdast). */
type MdNode = { type: string; value?: string; url?: string; children?: MdNode[] };

const MARKER = /\[(\d{1,2})\]/g;
/** Nodes whose text is not prose: code, and links (a link's own text must not nest another link). */
const LEAVE_ALONE = new Set(['code', 'inlineCode', 'link', 'linkReference', 'definition', 'html']);

export const CITE_PREFIX = 'cite:';

function splitText(value: string): MdNode[] | undefined {
  const parts: MdNode[] = [];
  let last = 0;
  for (const match of value.matchAll(MARKER)) {
    if (match.index > last) parts.push({ type: 'text', value: value.slice(last, match.index) });
    parts.push({ type: 'link', url: `${CITE_PREFIX}${match[1]}`, children: [{ type: 'text', value: match[1] }] });
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

function walk(node: MdNode): void {
  if (!node.children) return;
  node.children = node.children.flatMap((child) => {
    if (LEAVE_ALONE.has(child.type)) return [child];
    if (child.type === 'text' && child.value) return splitText(child.value) ?? [child];
    walk(child);
    return [child];
  });
}

export function remarkCitations() {
  return (tree: MdNode) => walk(tree);
}
