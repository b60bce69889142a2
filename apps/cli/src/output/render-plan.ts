// The plan as a person reads it, like `terraform plan`: one block per object, one line per field.
import { FieldChange, Plan, PlannedChange } from '@hopwatch/domain';
import { Style } from './style';

const SYMBOL = { create: '+', update: '~', replace: '-/+', delete: '-' } as const;
const LABEL = { site: 'site', alertChannel: 'alert channel', maintenanceWindow: 'maintenance window', statusPage: 'status page' } as const;

// Inside objects (a hop), unset fields are noise (a hop without backends has an empty list); a field that is itself
// null is shown as null.
const unset = (key: string, field: unknown) => key !== '' && (field === null || (key === 'backends' && Array.isArray(field) && field.length === 0));
const show = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value, (key, field: unknown) => (unset(key, field) ? undefined : field)));

function fieldLine(field: FieldChange): string {
  if (field.before === undefined) return `+ ${field.path}: ${show(field.after)}`;
  if (field.after === undefined) return `- ${field.path}: ${show(field.before)}`;
  return `~ ${field.path}: ${show(field.before)} → ${show(field.after)}`;
}

function changeBlock(change: PlannedChange, style: Style): string[] {
  const colour = change.action === 'create' ? style.green : change.action === 'delete' ? style.red : style.yellow;
  const verb = { create: 'will be created', update: 'will be updated in place', replace: 'will be replaced (deleted, then created)', delete: 'will be deleted' }[change.action];
  const fields = change.action === 'create' ? change.fields.filter((field) => field.after !== null) : change.fields;
  return [
    colour(`${SYMBOL[change.action]} ${LABEL[change.kind]} "${change.name}" ${verb}`),
    ...(change.action === 'delete' ? [] : fields.map((field) => `    ${fieldLine(field)}`)),
    ...change.notes.map((note) => style.dim(`    # ${note}`)),
  ];
}

export function renderPlan(plan: Plan, file: string, style: Style): string {
  const orphanLines = plan.orphans.map((orphan) => style.dim(`  ${LABEL[orphan.kind]} "${orphan.name}" was created by apply but is no longer in ${file}; kept (--prune deletes it)`));
  if (plan.changes.length === 0) return [`No changes: the server already matches ${file}.`, ...orphanLines].join('\n');
  const count = (action: PlannedChange['action']) => plan.changes.filter((change) => change.action === action).length;
  return [
    ...plan.changes.flatMap((change) => changeBlock(change, style)),
    '',
    style.bold(`Plan: ${count('create')} to create, ${count('update')} to update, ${count('replace')} to replace, ${count('delete')} to delete.`),
    ...orphanLines,
  ].join('\n');
}
