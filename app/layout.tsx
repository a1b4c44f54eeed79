import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UserMenu } from '../components/auth/user-menu';
import { SiteSwitcher } from '../components/site-switcher';
import { roleAt } from '../lib/auth/roles';
import { pageSite } from '@/server/page-site';
import { Nav } from '../components/nav';
import { PlantTimeZoneProvider } from '../components/plant-time';
import { pageSession } from '../lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import './globals.css';

export const metadata: Metadata = {
  title: 'Plantpilot',
  description: 'An air-gappable copilot for factories. Every write to the plant waits for a human approval.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await pageSession();
  // The site switcher: only in a deployment of several sites.
  const sites = getRuntime().services.sites?.list() ?? [];
  const site = sites.length > 1 ? await pageSite() : undefined;
  return (
    <html lang="en">
      <body>
        <header className="header">
          <Link href="/" className="brand">
            Plantpilot
          </Link>
          {session && !session.user.mustChangePassword && <Nav role={session.user.role} />}
          {session && site && !session.user.mustChangePassword && (
            <SiteSwitcher
              sites={sites.map((known) => ({ id: known.id, name: known.name, role: roleAt(session.user, known.id) }))}
              current={site.id}
              csrfToken={session.csrfToken}
            />
          )}
          {session && <UserMenu displayName={session.user.displayName} role={session.user.role} csrfToken={session.csrfToken} />}
        </header>
        <main className="main">
          <PlantTimeZoneProvider timeZone={getRuntime().config.plant.timeZone}>{children}</PlantTimeZoneProvider>
        </main>
      </body>
    </html>
  );
}
