// The `hopwatch` command line: options, help and exit codes; each command lives in its own file.
import { CONFIG_SCHEMA } from '@hopwatch/domain';
import { Command, CommanderError, Option } from 'commander';
import { CliContext, CliIo, createContext, GlobalOptions } from './cli-context';
import { applyCommand } from './commands/apply/apply.command';
import { exportCommand } from './commands/export.command';
import { checkCommand } from './commands/views/check.command';
import { incidentsCommand } from './commands/views/incidents.command';
import { sitesCommand } from './commands/views/sites.command';
import { statusCommand } from './commands/views/status.command';
import { CliError, EXIT, ExitCode } from './exit-codes';

const EXIT_CODES_HELP = `
Exit codes: 0 done, 1 the server refused a change (or an unexpected error), 2 bad usage,
3 invalid config file, 4 server unreachable or key refused, 5 site not found, 6 a check failed or
something is down.`;

function buildProgram(io: CliIo, run: (work: (context: CliContext) => Promise<void>) => Promise<void>): Command {
  const program = new Command('hopwatch')
    .description('Command line for hopwatch: config as code (apply, export) and terminal views of sites and incidents.')
    .addOption(new Option('--url <url>', 'hopwatch server (env HOPWATCH_URL)').default(io.environment.url))
    .addOption(new Option('--key <key>', 'API key (env HOPWATCH_KEY)'))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--no-color', 'never colour the output (colour is only used on a terminal anyway)')
    .addHelpText('after', EXIT_CODES_HELP)
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  program.command('apply')
    .description('make the server match a config file: print the plan, then create, update and (with --prune) delete')
    .requiredOption('-f, --file <path>', 'the config file', 'hopwatch.yaml')
    .option('--dry-run', 'print the plan and change nothing')
    .option('--prune', 'delete what an earlier apply created and the file no longer names (never hand-made objects)')
    .action((options: { file: string; dryRun?: boolean; prune?: boolean }) =>
      run((context) => applyCommand(context, { file: options.file, dryRun: options.dryRun ?? false, prune: options.prune ?? false })));
  program.command('export').description('print the server\'s configuration as a config file (hopwatch export > hopwatch.yaml)')
    .action(() => run(exportCommand));
  program.command('sites').description('list sites with their state, uptime and chain').action(() => run(sitesCommand));
  program.command('incidents').description('list incidents with cause, failing hop, gateway and next steps')
    .option('--open', 'only open incidents')
    .addOption(new Option('--limit <n>', 'at most this many').argParser(positiveInteger).default(20))
    .action((options: { open?: boolean; limit: number }) => run((context) => incidentsCommand(context, { open: options.open ?? false, limit: options.limit })));
  program.command('check').description('check a site now from every region and show each target (exit 6 if one fails)')
    .argument('<site>', 'site name or id')
    .action((site: string) => run((context) => checkCommand(context, site)));
  program.command('status').description('server readiness, sites up and down, open incidents (exit 6 if anything is down)')
    .action(() => run(statusCommand));
  program.command('schema').description('print the JSON Schema of the config file (also served at /api/v1/schema/config.json)')
    .action(() => io.stdout(`${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`));
  return program;
}

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 500) throw new CliError(EXIT.usage, `--limit must be a whole number from 1 to 500, got "${value}"`);
  return Number(value);
}

/** Runs one command line (argv without "node" and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let program: Command;
  const run = async (work: (context: CliContext) => Promise<void>) => work(createContext(program.opts<GlobalOptions>(), io));
  program = buildProgram(io, run);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CliError) {
      if (error.message) io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`hopwatch: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return EXIT.failed;
  }
}
