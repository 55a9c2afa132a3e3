/** `--name value` pairs and bare `--flags` from a script's command line. */
export function parseArgs(argv: string[]): Record<string, string | true> {
  const args: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument ${arg}`);
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) args[arg.slice(2)] = true;
    else {
      args[arg.slice(2)] = next;
      i++;
    }
  }
  return args;
}

/**
 * Like parseArgs, with bare file names (`config:import -- --country SO gh.json`) and flags that never
 * take a value (`--dry-run gh.json` is a flag and a file, not a flag set to gh.json).
 */
export function parseArgsAndFiles(
  argv: string[],
  booleans: readonly string[],
): { args: Record<string, string | true>; files: string[] } {
  const args: Record<string, string | true> = {};
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      files.push(arg);
      continue;
    }
    const name = arg.slice(2);
    const next = argv[i + 1];
    if (booleans.includes(name) || next === undefined || next.startsWith('--')) args[name] = true;
    else {
      args[name] = next;
      i++;
    }
  }
  return { args, files };
}
