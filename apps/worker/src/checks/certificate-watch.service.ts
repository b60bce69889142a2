// After each run: certificates (entry or hop) nearing their end get a warning, once per threshold.
import { Inject, Injectable } from '@nestjs/common';
import { certificateKey, CertificateWarningRepository, NewCertificateWarning } from '@hopwatch/db';
import { ChainRun, expiryWarning, warningHorizonMs } from '@hopwatch/domain';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';

type Seen = { target: string; validTo: Date; issuer: string | null; subject: string | null };

@Injectable()
export class CertificateWatch {
  private readonly thresholds: number[];

  constructor(
    private readonly warnings: CertificateWarningRepository,
    @Inject(HOPWATCH_CONFIG) config: HopwatchConfig,
  ) {
    this.thresholds = config.certificateWarningDays;
  }

  /** Certificates further from their end than the largest threshold cost no query: the common case stays free. */
  async afterRun(run: ChainRun, now = new Date()): Promise<void> {
    const horizon = now.getTime() + warningHorizonMs(this.thresholds);
    const near = run.results.flatMap((result): Seen[] => {
      const validTo = result.tls?.validTo ? new Date(result.tls.validTo) : null;
      if (!validTo || Number.isNaN(validTo.getTime()) || validTo.getTime() >= horizon) return [];
      return [{ target: result.target, validTo, issuer: result.tls!.issuer, subject: result.tls!.subject }];
    });
    if (near.length === 0) return;
    const warned = await this.warnings.warnedThresholds(run.siteId, near);
    const fresh = near.flatMap((certificate): NewCertificateWarning[] => {
      const already = warned.get(certificateKey(certificate.target, certificate.validTo)) ?? [];
      const warning = expiryWarning(certificate.validTo, this.thresholds, already, now);
      if (!warning) return [];
      return warning.crossed
        .filter((threshold) => !already.includes(threshold))
        .map((threshold) => ({ ...certificate, thresholdDays: threshold, daysLeft: warning.daysLeft, notify: threshold === warning.thresholdDays }));
    });
    await this.warnings.record(run.siteId, fresh);
  }
}
