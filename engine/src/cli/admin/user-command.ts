// `parterre user create|add|remove`: staff accounts and their roles. Only commander is imported here;
// the work (and the database) is loaded when a command runs (see ../main.ts).
import type { Command } from 'commander';
import { Option } from 'commander';
import { STAFF_ROLES } from '../../auth/roles.ts';

const roleOption = () =>
  new Option(
    '--role <role>',
    'role in the organisation: owner (everything), designer (seat maps), boxoffice (sales), viewer (reads)',
  )
    .choices(STAFF_ROLES)
    .makeOptionMandatory();
const orgOption = () =>
  new Option('--org <id>', 'the organisation the user works for').makeOptionMandatory();
const emailOption = () => new Option('--email <email>', 'login email').makeOptionMandatory();

/** Registers `parterre user create`, `parterre user add` and `parterre user remove`. */
export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage staff users and their roles');
  user
    .command('create')
    .description(
      'create a staff user with a role in an organisation; the password comes from PARTERRE_PASSWORD or is asked on a terminal (never an argument)',
    )
    .addOption(emailOption())
    .addOption(new Option('--name <name>', 'display name').makeOptionMandatory())
    .addOption(orgOption())
    .addOption(roleOption())
    .action(async (opts: { email: string; name: string; org: string; role: string }) => {
      await (await import('./user.ts')).createUserCommand(opts);
    });
  user
    .command('add')
    .description(
      'give an existing user a role in an organisation (or change the role it has there)',
    )
    .addOption(emailOption())
    .addOption(orgOption())
    .addOption(roleOption())
    .action(async (opts: { email: string; org: string; role: string }) => {
      await (await import('./user.ts')).addUserCommand(opts);
    });
  user
    .command('remove')
    .description(
      'take a user out of an organisation: its sessions there end and the door keys it made there are revoked',
    )
    .addOption(emailOption())
    .addOption(orgOption())
    .action(async (opts: { email: string; org: string }) => {
      await (await import('./user.ts')).removeUserCommand(opts);
    });
}
