/** `plantpilot users add|list|disable|enable|reset-password|grant`: people and their roles (per site, too). */
import type { Command } from 'commander';
import type { AuditActor } from '../../lib/audit/audit-log';
import { createUser, listUsers, resetPassword, setUserDisabled } from '../../lib/auth/users';
import { listSiteRoles, setSiteRole } from '../../lib/auth/site-roles';
import { withDb } from '../context';
import { AppError } from '../../lib/errors';
import os from 'node:os';

/** CLI actions are attributed to the operating-system account that ran them. */
function cliActor(): AuditActor {
  const user = os.userInfo().username;
  return { kind: 'cli', id: user, name: `${user} (CLI on ${os.hostname()})` };
}

export function register(program: Command): void {
  const users = program.command('users').description('manage the people who may use Plantpilot');

  users
    .command('add <username>')
    .description('create a user with a one-time password (printed once; changed at first sign-in)')
    .requiredOption('-r, --role <role>', 'viewer | operator | supervisor | admin')
    .option('-n, --name <display name>', 'name shown in the app and the audit log')
    .action(async (username: string, options: { role: string; name?: string }) => {
      await withDb(async (db) => {
        const { user, oneTimePassword } = await createUser(db, { username, role: options.role as never, displayName: options.name }, cliActor());
        console.log(`Created ${user.username} (${user.role}). One-time password:`);
        console.log(oneTimePassword);
      });
    });

  users
    .command('list')
    .description('list users')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDb(async (db) => {
        const all = await listUsers(db);
        if (options.json) {
          console.log(JSON.stringify(all));
          return;
        }
        for (const u of all) {
          const sites = Object.entries(await listSiteRoles(db, u.id)).map(([site, role]) => `${role} at ${site}`);
          const flags = [u.disabled ? 'disabled' : '', u.mustChangePassword ? 'must change password' : '', ...sites].filter(Boolean).join(', ');
          console.log(`${u.username.padEnd(20)} ${u.role.padEnd(11)} ${u.displayName}${flags ? `  (${flags})` : ''}`);
        }
        console.log(`${all.length} user(s)`);
      });
    });

  users
    .command('disable <username>')
    .description('disable a user and end their sessions')
    .action(async (username: string) => {
      await withDb(async (db) => {
        await setUserDisabled(db, username, true, cliActor());
        console.log(`Disabled ${username}; their sessions have ended.`);
      });
    });

  users
    .command('enable <username>')
    .description('enable a disabled user')
    .action(async (username: string) => {
      await withDb(async (db) => {
        await setUserDisabled(db, username, false, cliActor());
        console.log(`Enabled ${username}.`);
      });
    });

  users
    .command('reset-password <username>')
    .description('give a user a new one-time password and end their sessions')
    .action(async (username: string) => {
      await withDb(async (db) => {
        const { oneTimePassword } = await resetPassword(db, username, cliActor());
        console.log(`New one-time password for ${username}:`);
        console.log(oneTimePassword);
      });
    });

  users
    .command('grant <username>')
    .description('give a user a role at one site, replacing their global role there (e.g. supervisor at FUE, viewer at ERL)')
    .requiredOption('-s, --site <site id>', 'the site, as in the plant configuration or PLANTPILOT_TWIN_SITES')
    .option('-r, --role <role>', 'viewer | operator | supervisor | admin')
    .option('--revoke', 'remove the grant: the global role counts at that site again')
    .action(async (username: string, options: { site: string; role?: string; revoke?: boolean }) => {
      if (!options.role === !options.revoke) throw new AppError('invalid_argument', 'Give exactly one of --role <role> or --revoke.');
      await withDb(async (db) => {
        await setSiteRole(db, { username, siteId: options.site, role: options.revoke ? null : (options.role as never) }, cliActor());
        console.log(options.revoke ? `${username} has their global role at ${options.site} again.` : `${username} is ${options.role} at ${options.site}.`);
      });
    });
}
