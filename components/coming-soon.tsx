import { requirePageSession } from '../lib/auth/page-session';
import { NAV_ITEMS } from './nav-items';

/** Placeholder for a section whose feature has not landed yet; says so plainly. */
export async function ComingSoon({ href }: { href: string }) {
  await requirePageSession();
  const item = NAV_ITEMS.find((i) => i.href === href);
  return (
    <section className="card">
      <h1>{item?.label ?? 'Coming soon'}</h1>
      <p>{item?.summary}</p>
      <p className="muted">This section is coming soon: it is not built in this version of Plantpilot yet.</p>
    </section>
  );
}
