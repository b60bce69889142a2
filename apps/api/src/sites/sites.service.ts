import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AlertChannelRepository, HistoryRepository, HopFields, SiteEntity, SitePatch, SiteRepository } from '@hopwatch/db';
import { defaultBackendName, DEFAULT_EXPECT_STATUS, DEFAULT_REGION, firstSlotFor, restoreHiddenPassword, MonitorKindMismatch, SITE_LIMITS, SiteNotFound, TargetDenied, TargetPolicy, UnknownAlertChannel } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';
import { TARGET_POLICY } from '@hopwatch/runtime';
import { CreateSiteDto } from './dto/create-site.dto';
import { HopDto } from './dto/hop.dto';
import { ListSitesQuery } from './dto/list-sites.query';
import { UpdateSiteDto } from './dto/update-site.dto';
import { dnsSiteMismatches, dnsSiteSettings, isDnsSiteUrl } from './dns-site';
import { newPingToken, pingUrl, pushMismatches, pushSettings } from './push-monitor';
import { deniedTargets } from './target-check';

@Injectable()
export class SitesService {
  private readonly publicUrl: string;

  constructor(
    private readonly sites: SiteRepository,
    private readonly channels: AlertChannelRepository,
    private readonly history: HistoryRepository,
    @Inject(TARGET_POLICY) private readonly policy: TargetPolicy,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.publicUrl = config.publicUrl;
  }

  async create(dto: CreateSiteDto): Promise<SiteEntity> {
    const dnsSite = isDnsSiteUrl(dto.url);
    this.assertFitsKind([...pushMismatches(dto, dto.push !== undefined, true), ...dnsSiteMismatches(dto, dnsSite, null)]);
    this.assertTargetsAllowed(dto);
    await this.assertChannelsExist(dto.alertChannelIds);
    const id = randomUUID();
    const push = dto.push ? pushSettings(dto.push) : null;
    const pushToken = push ? newPingToken() : null;
    const intervalSeconds = dto.intervalSeconds ?? push?.evaluateEverySeconds ?? SITE_LIMITS.intervalSeconds.default;
    return this.sites.create({
      id,
      name: dto.name,
      url: pushToken ? pingUrl(this.publicUrl, pushToken) : (dto.url as string),
      method: dto.method ?? 'GET',
      intervalSeconds,
      timeoutMs: dto.timeoutMs ?? SITE_LIMITS.timeoutMs.default,
      expectStatus: dto.expectStatus ?? DEFAULT_EXPECT_STATUS,
      bodyContains: dto.bodyContains ?? null,
      regions: dto.regions ?? [DEFAULT_REGION],
      dnsResolvers: dto.dns?.resolvers ?? [],
      tags: dto.tags ?? [],
      alertChannelIds: dto.alertChannelIds ?? [],
      confirmations: dto.confirmations ?? SITE_LIMITS.confirmations.default,
      recoveries: dto.recoveries ?? SITE_LIMITS.recoveries.default,
      paused: dto.paused ?? false,
      detection: { ...dto.detection },
      ...(dnsSite ? dnsSiteSettings(dto.dns, null) : { dnsRecordType: null, dnsExpect: null }),
      pushToken,
      pushPeriodSeconds: push?.pushPeriodSeconds ?? null,
      pushGraceSeconds: push?.pushGraceSeconds ?? null,
      nextRunAt: this.firstRun(id, intervalSeconds),
      hops: (dto.hops ?? []).map(toHopFields),
    });
  }

  async get(id: string): Promise<SiteEntity> {
    const site = await this.sites.findById(id);
    if (!site) throw new SiteNotFound(id);
    return site;
  }

  async list(query: ListSitesQuery) {
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const paused = query.status === undefined ? null : query.status === 'paused';
    const page = await this.sites.list({ limit, offset, tags: query.tag ?? [], paused });
    // State and uptime of the whole page in one statement.
    const summaries = await this.history.siteSummaries(page.items.map((site) => site.id), Date.now() / 1000);
    return { ...page, limit, offset, summaries };
  }

  async update(id: string, dto: UpdateSiteDto): Promise<SiteEntity> {
    this.assertTargetsAllowed(dto);
    await this.assertChannelsExist(dto.alertChannelIds);
    const current = await this.get(id);
    const dnsSite = isDnsSiteUrl(dto.url ?? current.url);
    this.assertFitsKind([...pushMismatches(dto, current.pushToken !== null, false), ...dnsSiteMismatches(dto, dnsSite, current)]);
    const { dns, hops, detection, push, ...fields } = dto;
    const patch: SitePatch = { ...fields };
    if (dto.url) patch.url = restoreHiddenPassword(dto.url, current.url);
    if (push) {
      const settings = pushSettings(push);
      patch.pushPeriodSeconds = settings.pushPeriodSeconds;
      patch.pushGraceSeconds = settings.pushGraceSeconds;
      patch.intervalSeconds ??= settings.evaluateEverySeconds;
    }
    if (detection) patch.detection = { ...detection };
    if (dns) patch.dnsResolvers = dns.resolvers;
    if (dnsSite) Object.assign(patch, dnsSiteSettings(dns, current));
    else if (current.dnsRecordType !== null) Object.assign(patch, { dnsRecordType: null, dnsExpect: null });
    if (hops) {
      const storedUrls = new Map((current.hops ?? []).map((hop) => [hop.name, hop.url]));
      patch.hops = hops.map((hop) => toHopFields({ ...hop, url: restoreHiddenPassword(hop.url, storedUrls.get(hop.name)) }));
    }
    const rescheduled = patch.intervalSeconds !== undefined && patch.intervalSeconds !== current.intervalSeconds;
    const resumed = dto.paused === false && current.paused;
    if (rescheduled || resumed) patch.nextRunAt = this.firstRun(id, patch.intervalSeconds ?? current.intervalSeconds);
    return this.found(id, await this.sites.update(id, patch));
  }

  async setPaused(id: string, paused: boolean): Promise<SiteEntity> {
    return this.update(id, { paused });
  }

  async delete(id: string): Promise<void> {
    if (!(await this.sites.delete(id))) throw new SiteNotFound(id);
  }

  private firstRun(id: string, intervalSeconds: number): Date {
    return new Date(firstSlotFor(id, intervalSeconds, Date.now()) * 1000);
  }

  private async assertChannelsExist(ids: string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const existing = new Set(await this.channels.existing(ids));
    const unknown = ids.filter((id) => !existing.has(id));
    if (unknown.length > 0) throw new UnknownAlertChannel(unknown);
  }

  private assertFitsKind(problems: string[]): void {
    if (problems.length > 0) throw new MonitorKindMismatch(problems);
  }

  private assertTargetsAllowed(dto: { url?: string; hops?: HopDto[]; dns?: { resolvers?: string[] } }): void {
    const problems = deniedTargets(dto, this.policy);
    if (problems.length > 0) throw new TargetDenied(problems);
  }

  private found(id: string, site: SiteEntity | null): SiteEntity {
    if (!site) throw new SiteNotFound(id);
    return site;
  }
}

function toHopFields(hop: HopDto): HopFields {
  return {
    name: hop.name,
    role: hop.role,
    url: hop.url,
    connectTo: hop.connectTo ?? null,
    hostHeader: hop.hostHeader ?? null,
    expectStatus: hop.expectStatus ?? null,
    backends: hop.backends?.map((backend, index) => ({ address: backend.address, name: backend.name ?? defaultBackendName(backend.address, index) })) ?? null,
  };
}
