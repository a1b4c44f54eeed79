/** Citations for scheduling answers: a draft opens on the Schedule page, an order at its bar. */
import type { Source } from '../../sources';
import type { ScheduleDraft } from '../service/draft-store';

export function draftSource(draft: Pick<ScheduleDraft, 'id' | 'kind' | 'createdAt'>, title?: string): Source {
  return {
    kind: 'schedule',
    id: draft.id,
    title: title ?? `${draft.kind === 'what_if' ? 'What-if draft' : 'Schedule draft'} of ${draft.createdAt}`,
    href: `/schedule?draft=${encodeURIComponent(draft.id)}`,
  };
}

export function orderSource(draftId: string, orderId: string, snippet?: string): Source {
  return {
    kind: 'order',
    id: orderId,
    title: `Production order ${orderId}`,
    href: `/schedule?draft=${encodeURIComponent(draftId)}#order-${encodeURIComponent(orderId)}`,
    ...(snippet ? { snippet } : {}),
  };
}
