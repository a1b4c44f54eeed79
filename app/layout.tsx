import type { Metadata, Viewport } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { Nav } from '../components/nav';
import './globals.css';

export const metadata: Metadata = {
  title: 'Plantpilot',
  description: 'An air-gappable copilot for factories. Every write to the plant waits for a human approval.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="header">
          <Link href="/" className="brand">
            Plantpilot
          </Link>
          <Nav />
        </header>
        <main className="main">{children}</main>
      </body>
    </html>
  );
}
