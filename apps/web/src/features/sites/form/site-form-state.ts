// The create/edit form works on strings, as inputs do; this turns them into the API's body and back.
import type { HopInput, HopRole, Site, SiteBody } from '../../../lib/types';

export const HOP_ROLES: HopRole[] = ['cdn', 'load_balancer', 'reverse_proxy', 'app', 'other'];

export interface HopForm { name: string; role: HopRole; url: string; connectTo: string; hostHeader: string; expectStatus: string }
export interface SiteForm {
  name: string; url: string; method: 'GET' | 'HEAD'; intervalSeconds: string; timeoutMs: string; expectStatus: string; bodyContains: string;
  regions: string; tags: string; resolvers: string; confirmations: string; recoveries: string;
  rateWindow: string; rateThreshold: string; flapLimit: string; flapWindowMinutes: string;
  hops: HopForm[]; alertChannelIds: string[];
}

export const emptyHop = (): HopForm => ({ name: '', role: 'app', url: '', connectTo: '', hostHeader: '', expectStatus: '' });

export function emptySiteForm(): SiteForm {
  return {
    name: '', url: '', method: 'GET', intervalSeconds: '60', timeoutMs: '10000', expectStatus: '200-399', bodyContains: '',
    regions: 'default', tags: '', resolvers: '', confirmations: '2', recoveries: '2',
    rateWindow: '', rateThreshold: '', flapLimit: '', flapWindowMinutes: '', hops: [], alertChannelIds: [],
  };
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function siteToForm(site: Site): SiteForm {
  return {
    name: site.name, url: site.url, method: site.method, intervalSeconds: text(site.intervalSeconds), timeoutMs: text(site.timeoutMs),
    expectStatus: site.expectStatus, bodyContains: text(site.bodyContains), regions: site.regions.join(', '), tags: site.tags.join(', '),
    resolvers: (site.dns.resolvers ?? []).join(', '), confirmations: text(site.confirmations), recoveries: text(site.recoveries),
    rateWindow: text(site.detection.rateWindow), rateThreshold: text(site.detection.rateThreshold),
    flapLimit: text(site.detection.flapLimit), flapWindowMinutes: text(site.detection.flapWindowMinutes),
    hops: site.hops.map((hop) => ({ name: hop.name, role: hop.role, url: hop.url, connectTo: text(hop.connectTo), hostHeader: text(hop.hostHeader), expectStatus: text(hop.expectStatus) })),
    alertChannelIds: site.alertChannelIds,
  };
}

const list = (value: string) => value.split(',').map((item) => item.trim()).filter(Boolean);
const numeric = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value));
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

function hopBody(hop: HopForm): HopInput {
  return { name: hop.name.trim(), role: hop.role, url: hop.url.trim(), connectTo: optional(hop.connectTo), hostHeader: optional(hop.hostHeader), expectStatus: optional(hop.expectStatus) };
}

export function formToBody(form: SiteForm): SiteBody {
  const detection = { rateWindow: numeric(form.rateWindow), rateThreshold: numeric(form.rateThreshold), flapLimit: numeric(form.flapLimit), flapWindowMinutes: numeric(form.flapWindowMinutes) };
  return {
    name: form.name.trim(), url: form.url.trim(), method: form.method,
    intervalSeconds: numeric(form.intervalSeconds), timeoutMs: numeric(form.timeoutMs),
    expectStatus: optional(form.expectStatus), bodyContains: optional(form.bodyContains),
    regions: list(form.regions), tags: list(form.tags), dns: { resolvers: list(form.resolvers) },
    confirmations: numeric(form.confirmations), recoveries: numeric(form.recoveries),
    detection, hops: form.hops.map(hopBody), alertChannelIds: form.alertChannelIds,
  };
}

/** The fields a 400 may name: the form's own, each hop's, and the nested dns/detection ones. */
export function isFormField(field: string): boolean {
  return /^(name|url|method|intervalSeconds|timeoutMs|expectStatus|bodyContains|regions|tags|confirmations|recoveries|alertChannelIds|hops|dns\.resolvers|detection\.\w+|hops\.\d+\.\w+)$/.test(field);
}
