/** `plantpilot users add|list|disable|enable|reset-password`: people and their roles. */
import type { Command } from 'commander';
import type { AuditActor } from '../../lib/audit/audit-log';
import { createUser, listUsers, resetPassword, setUserDisabled } from '../../lib/auth/users';
import { withDb } from '../context';
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
          const flags = [u.disabled ? 'disabled' : '', u.mustChangePassword ? 'must change password' : ''].filter(Boolean).join(', ');
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
}
