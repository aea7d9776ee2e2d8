import { lastValue, parseArgs, UsageError } from './args.js';

/** `liaison token add <name> --role reader|registrar --db ...`, `token list --db ...`, `token revoke <name> --db ...` */
export async function tokenCommand(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  const args = parseArgs(rest, ['db', 'role'], ['json']);
  const url = lastValue(args, 'db') ?? process.env['LIAISON_DB'];
  if (!url) throw new UsageError('token needs --db postgres://... (the team archive).');
  const { TeamService } = await import('../team/service.js');
  const { addToken, listTokens, revokeToken } = await import('../team/tokens.js');
  const team = await TeamService.connect(url, { migrate: true });
  try {
    if (action === 'add') {
      const name = args.positional[0];
      const role = lastValue(args, 'role') ?? 'reader';
      if (!name) throw new UsageError('token add needs a name.');
      if (role !== 'reader' && role !== 'registrar') throw new UsageError('--role is reader or registrar.');
      const token = await addToken(team.db, name, role);
      process.stdout.write(`${token}\n`);
      process.stderr.write(`Token for ${name} (${role}). It is shown this once: give it to ${name}, who opens the team archive with it.\n`);
      return 0;
    }
    if (action === 'list') {
      const tokens = await listTokens(team.db);
      if (args.bools.has('json')) process.stdout.write(`${JSON.stringify(tokens)}\n`);
      else for (const t of tokens) process.stdout.write(`${t.name}\t${t.role}\t${t.created}\n`);
      return 0;
    }
    if (action === 'revoke') {
      const name = args.positional[0];
      if (!name) throw new UsageError('token revoke needs a name.');
      const revoked = await revokeToken(team.db, name);
      process.stderr.write(revoked ? `The token of ${name} is revoked.\n` : `No token is named ${name}.\n`);
      return revoked ? 0 : 1;
    }
    throw new UsageError('token add | list | revoke');
  } finally {
    await team.close();
  }
}
