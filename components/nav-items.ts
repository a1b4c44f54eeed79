/** The application's sections, in navigation order, with what each is for. */
import { atLeast, type Role } from '../lib/auth/roles';

/** `minRole`: shown only to that role and above (the page itself checks again). */
export type NavItem = { href: string; label: string; summary: string; minRole?: Role };

export const NAV_ITEMS: NavItem[] = [
  { href: '/chat', label: 'Chat', summary: 'Ask about the plant; actions wait for approval.' },
  { href: '/plant', label: 'Plant', summary: 'Lines, machines, live values, alarms and trends over OPC UA.' },
  { href: '/schedule', label: 'Schedule', summary: 'Production schedule, what-if scenarios and schedule release.' },
  { href: '/material', label: 'Material', summary: 'Stock and run-out per line, late deliveries, the fleet and replenishment runs.' },
  { href: '/maintenance', label: 'Maintenance', summary: 'Asset health, remaining-useful-life forecasts and work orders.' },
  { href: '/inspection', label: 'Inspection', summary: 'AOI inspection jobs, defect Pareto and the board viewer.' },
  { href: '/manuals', label: 'Manuals', summary: 'The plant’s manuals and SOPs, searchable with cited passages.' },
  { href: '/handovers', label: 'Handovers', summary: 'Shift handover reports with a source for every statement.' },
  { href: '/approvals', label: 'Approvals', summary: 'Requests to write to the plant, waiting for a decision.' },
  { href: '/audit', label: 'Audit', summary: 'The hash-chained log of logins, requests, decisions and executions.', minRole: 'supervisor' },
  { href: '/people', label: 'People', summary: 'Who may sign in, with which role; one-time passwords.', minRole: 'admin' },
  { href: '/tokens', label: 'Tokens', summary: 'MCP tokens for assistants: create, see last use, revoke.', minRole: 'admin' },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.minRole || atLeast(role, item.minRole));
}
