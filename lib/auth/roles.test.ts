import { describe, expect, it } from 'vitest';
import { highestRole, roleAt } from './roles';
import { tokenActor } from './tokens';

describe('roles per site', () => {
  const sven = { role: 'operator' as const, siteRoles: { FUE: 'supervisor' as const, ERL: 'viewer' as const } };

  it('counts the grant at its site and the global role elsewhere', () => {
    expect(roleAt(sven, 'FUE')).toBe('supervisor');
    expect(roleAt(sven, 'ERL')).toBe('viewer');
    expect(roleAt(sven, 'MUC')).toBe('operator');
    expect(roleAt(sven)).toBe('operator');
    expect(roleAt({ role: 'admin' })).toBe('admin');
  });

  it('opens pages to the highest role anywhere', () => {
    expect(highestRole(sven)).toBe('supervisor');
    expect(highestRole({ role: 'viewer' })).toBe('viewer');
  });

  it('gives a token the lower of its role and its owner’s grant at each site', () => {
    const actor = tokenActor({
      id: 't1',
      name: 'claude',
      role: 'operator',
      owner: { id: 'u1', username: 'sven', displayName: 'Sven', role: 'operator', siteRoles: sven.siteRoles, disabled: false },
    });
    expect(actor.siteRoles).toEqual({ FUE: 'operator', ERL: 'viewer' });
  });
});
