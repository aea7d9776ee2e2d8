import { UsageError } from './args.js';
import { guardStdout } from './output.js';

export const USAGE = `Usage:
  liaison inspect <file-or-folder>... [--json]
  liaison index <folder>... --data <dir> [--json]
  liaison search "<query>" --data <dir> [--country JP]... [--mentioned] [--from YYYY-MM-DD]
                 [--to YYYY-MM-DD] [--lang fr] [--sort relevance|date|-date] [--limit N] [--offset N] [--json]
                 (--country: releases about the country; --mentioned: every release that mentions it)
  liaison doc <id> --data <dir> [--json]
  liaison timeline ["<query>"] --data <dir> [--country XX]... [--mentioned] [--from YYYY-MM-DD]
                 [--to YYYY-MM-DD] [--by year|quarter|month|week|day] [--json]
                 (--country: the lanes; by default the countries the most releases are about)
  liaison brief <id>... | --query "<q>" [--country XX]... [--from ...] [--to ...] --data <dir>
                 [--title ...] [--marking ...] [--for ...] [--by ...] [--language en|fr]
                 [--paper a4|letter] --out <file.pdf|file.docx|file.md|file.html> [--keep]
  liaison web [--port N] [--data <dir>] [--archive <folder>]...
  liaison serve --db postgres://... [--db-read postgres://...] [--port N] [--bind ADDR]
  liaison token add <name> --role reader|registrar --db ... | token list --db ... | token revoke <name> --db ...
  (index, search, doc and timeline take --db postgres://... instead of --data: the team archive)
  liaison bench [--docs N | --archive <folder>] [--runs R] [--queries Q] [--json]
  liaison bench quality | timeline [--docs N] | inspect [<folder>...]`;

/** Each command's module, loaded only when that command runs (a quick `inspect` loads no index code). */
const COMMANDS: Record<string, () => Promise<(argv: string[]) => Promise<number>>> = {
  inspect: async () => (await import('./inspect.js')).inspectCommand,
  index: async () => (await import('./index.js')).indexCommand,
  search: async () => (await import('./search.js')).searchCommand,
  doc: async () => (await import('./doc.js')).docCommand,
  timeline: async () => (await import('./timeline.js')).timelineCommand,
  brief: async () => (await import('./brief.js')).briefCommand,
  web: async () => (await import('./web.js')).webCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  token: async () => (await import('./token.js')).tokenCommand,
  bench: async () => (await import('./bench.js')).benchCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  guardStdout();
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    const load = COMMANDS[command];
    if (!load) throw new UsageError(`Unknown command "${command}".`);
    return await (await load())(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`liaison: ${err.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
}
