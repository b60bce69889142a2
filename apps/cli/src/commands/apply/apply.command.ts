// `hopwatch apply -f hopwatch.yaml [--dry-run] [--prune]`: print the plan, then make the server match the file.
import { desiredState, Plan, planChanges, PlannedChange } from '@hopwatch/domain';
import { readRemoteState } from '../../api/remote-state.reader';
import { CliContext } from '../../cli-context';
import { invalidConfig, LoadedConfig, loadConfigFile } from '../../config-file/load-config-file';
import { formatProblem } from '../../config-file/source-location';
import { CliError, EXIT } from '../../exit-codes';
import { renderPlan } from '../../output/render-plan';
import { AppliedChange, ChangeRefused, executePlan } from './execute-plan';

export type ApplyOptions = { file: string; dryRun: boolean; prune: boolean };

const SECTION = { site: 'sites', alertChannel: 'alertChannels', maintenanceWindow: 'maintenanceWindows', statusPage: 'statusPages' } as const;
const PAST = { create: 'created', update: 'updated', replace: 'replaced', delete: 'deleted' } as const;

export async function applyCommand(context: CliContext, options: ApplyOptions): Promise<void> {
  const loaded = await loadConfigFile(options.file, context.io.environment.variables);
  const desired = desiredState(loaded.config);
  const remote = await readRemoteState(context.api);
  const plan = planChanges(desired, remote, { prune: options.prune });
  if (plan.problems.length > 0) throw invalidConfig(plan.problems.map((problem) => loaded.locate(problem.path, problem.message)));
  const json = context.output === 'json';
  if (!json) context.print(loaded.redact(renderPlan(plan, options.file, context.style)));
  if (options.dryRun || plan.changes.length === 0) {
    if (json) context.print(loaded.redact(JSON.stringify({ dryRun: options.dryRun, plan: planJson(plan), applied: [] }, null, 2)));
    return;
  }
  if (!json) context.print('');
  const applied = await executePlan(context.api, plan, desired, remote, (done) => {
    if (!json) context.print(`${describe(done.change)}: ${PAST[done.change.action]}`);
    if (done.secret) context.io.stderr(`alert channel "${done.change.name}": webhook signing secret ${done.secret} (shown once; store it now)\n`);
  }).catch((error: unknown) => {
    if (error instanceof ChangeRefused) throw refused(error, loaded);
    throw error;
  });
  if (json) context.print(loaded.redact(JSON.stringify({ dryRun: false, plan: planJson(plan), applied: applied.map(appliedJson) }, null, 2)));
  else context.print(context.style.bold(`Apply complete: ${applied.length} change${applied.length === 1 ? '' : 's'} made.`));
}

function describe(change: PlannedChange): string {
  return `${{ site: 'site', alertChannel: 'alert channel', maintenanceWindow: 'maintenance window', statusPage: 'status page' }[change.kind]} "${change.name}"`;
}

function refused(error: ChangeRefused, loaded: LoadedConfig): CliError {
  const section = loaded.config[SECTION[error.change.kind]] as { name?: string; slug?: string }[] | undefined;
  const keyOf = (entry: { name?: string; slug?: string }) => (error.change.kind === 'statusPage' ? entry.slug : entry.name);
  const index = section?.findIndex((entry) => keyOf(entry) === error.change.name) ?? -1;
  const reason = `the server refused to ${error.change.action} ${describe(error.change)} (${error.refusal.status}): ${error.refusal.messages.join('; ')}`;
  const where = loaded.redact(index >= 0 ? formatProblem(loaded.locate([SECTION[error.change.kind], index], reason)) : reason);
  const progress = `${error.applied.length} change${error.applied.length === 1 ? ' was' : 's were'} applied before it; run apply again once fixed.`;
  return new CliError(EXIT.failed, `${where}\n${progress}`);
}

function planJson(plan: Plan) {
  return { changes: plan.changes, orphans: plan.orphans };
}

function appliedJson(applied: AppliedChange) {
  return { kind: applied.change.kind, name: applied.change.name, action: applied.change.action, ...(applied.secret ? { secret: applied.secret } : {}) };
}
