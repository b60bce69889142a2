// `hopwatch check SITE`: check a site now, from every region, and show each target's answer.
import { readAllSites } from '../../api/remote-state.reader';
import { CliContext } from '../../cli-context';
import { CliError, EXIT } from '../../exit-codes';
import { renderTable } from '../../output/table';

type CheckResult = { target: string; region: string; ok: boolean; status: number | null; errorCode: string | null; gateway: string | null; timings: { totalMs: number } };
type RunNow = { siteId: string; regions: { region: string; error?: string; dnsDisagreement: boolean; results: CheckResult[] }[] };

export async function checkCommand(context: CliContext, site: string): Promise<void> {
  const sites = await readAllSites(context.api);
  const found = sites.filter((candidate) => candidate.id === site || candidate.name === site);
  if (found.length === 0) throw new CliError(EXIT.notFound, `no site is named "${site}" (see \`hopwatch sites\`)`);
  if (found.length > 1) throw new CliError(EXIT.usage, `${found.length} sites are named "${site}"; pass the id instead: ${found.map((candidate) => candidate.id).join(', ')}`);
  const run = await context.api.post<RunNow>(`/api/v1/sites/${found[0].id}/check`);
  const results = run.regions.flatMap((region) => region.results);
  const failed = results.some((result) => !result.ok) || run.regions.some((region) => region.error !== undefined);
  if (context.output === 'json') context.printJson(run);
  else {
    const { style } = context;
    context.print(renderTable(['TARGET', 'REGION', 'RESULT', 'STATUS', 'ERROR', 'GATEWAY', 'TIME'], results.map((result) => [
      result.target, result.region, result.ok ? style.green('ok') : style.red('FAIL'), result.status === null ? '-' : String(result.status),
      result.errorCode ?? '-', result.gateway ?? '-', `${result.timings.totalMs} ms`,
    ])));
    for (const region of run.regions) if (region.error) context.print(style.red(`region ${region.region}: ${region.error}`));
  }
  if (failed) throw new CliError(EXIT.degraded, `${found[0].name}: at least one check failed`);
}
