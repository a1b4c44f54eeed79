'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { Role } from '../lib/auth/roles';
import { navItemsFor } from './nav-items';

export function Nav({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav className="nav" aria-label="Sections">
      {navItemsFor(role).map((item) => {
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link key={item.href} href={item.href} className={active ? 'nav-link active' : 'nav-link'} aria-current={active ? 'page' : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
