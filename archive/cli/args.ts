/** Arguments of a command: positional words, `--name value` options (repeatable) and `--switches`. */
export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string[]>;
  bools: Set<string>;
}

export function parseArgs(argv: string[], valueFlags: string[], boolFlags: string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string[]>();
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq > 0 ? eq : undefined);
      if (boolFlags.includes(name)) {
        bools.add(name);
        continue;
      }
      if (!valueFlags.includes(name)) throw new UsageError(`Unknown option --${name}.`);
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value.`);
      flags.set(name, [...(flags.get(name) ?? []), value]);
    } else {
      positional.push(arg);
    }
  }
  return { positional, flags, bools };
}

/** The last value given for an option. */
export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.at(-1);
}

/** A whole-number option, or a usage error that says so. */
export function wholeNumber(args: ParsedArgs, name: string): number | undefined {
  const v = lastValue(args, name);
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} takes a whole number.`);
  return Number(v);
}

/** Values of a repeatable option, each of which may also be a comma-separated list. */
export function listValues(args: ParsedArgs, name: string): string[] | undefined {
  return args.flags.get(name)?.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export function dataDirOf(args: ParsedArgs): string {
  const data = lastValue(args, 'data');
  if (!data) throw new UsageError('--data <dir> is required: the folder where the index is kept.');
  return data;
}
