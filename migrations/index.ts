// Every migration, in order. Listed as classes so the app, the CLI and the tests load the same set.
import { Foundation1795300000000 } from './1795300000000-Foundation';
import { CheckResults1795300100000 } from './1795300100000-CheckResults';
import { Incidents1795300200000 } from './1795300200000-Incidents';
import { History1795300300000 } from './1795300300000-History';
import { Alerting1795300400000 } from './1795300400000-Alerting';
import { SiteDetection1795300500000 } from './1795300500000-SiteDetection';
import { ShortKeyPrefixes1795300600000 } from './1795300600000-ShortKeyPrefixes';
import { SealWebhookSecrets1795300700000 } from './1795300700000-SealWebhookSecrets';
import { ChatChannels1795300840000 } from './1795300840000-ChatChannels';
import { IncidentShape1795301200000 } from './1795301200000-IncidentShape';
import { HopBackends1795301200100 } from './1795301200100-HopBackends';
import { RootIncidents1795301200200 } from './1795301200200-RootIncidents';
import { PushMonitors1795301300000 } from './1795301300000-PushMonitors';
import { CertificateWarnings1795301310000 } from './1795301310000-CertificateWarnings';
import { DnsSites1795301320000 } from './1795301320000-DnsSites';
import { WebSessions1795301400000 } from './1795301400000-WebSessions';
import { StatusPages1795301410000 } from './1795301410000-StatusPages';
import { ManagedBy1795301500000 } from './1795301500000-ManagedBy';
import { StatusPageManagedBy1795301510000 } from './1795301510000-StatusPageManagedBy';
import { ForgetDeletedSites1795301520500 } from './1795301520500-ForgetDeletedSites';
import { LastEnqueuedSlot1795301620000 } from './1795301620000-LastEnqueuedSlot';
import { CompactPartitionedResults1795301640000 } from './1795301640000-CompactPartitionedResults';
import { CompactRollups1795301640100 } from './1795301640100-CompactRollups';
import { DnsAnswerSets1795301700000 } from './1795301700000-DnsAnswerSets';
import { ResultsWithoutSeriesKey1795301700100 } from './1795301700100-ResultsWithoutSeriesKey';
import { DailyRollupsAtDayClose1795301800000 } from './1795301800000-DailyRollupsAtDayClose';

export const MIGRATIONS = [
  Foundation1795300000000,
  CheckResults1795300100000,
  Incidents1795300200000,
  History1795300300000,
  Alerting1795300400000,
  SiteDetection1795300500000,
  ShortKeyPrefixes1795300600000,
  SealWebhookSecrets1795300700000,
  ChatChannels1795300840000,
  IncidentShape1795301200000,
  HopBackends1795301200100,
  RootIncidents1795301200200,
  PushMonitors1795301300000,
  CertificateWarnings1795301310000,
  DnsSites1795301320000,
  WebSessions1795301400000,
  StatusPages1795301410000,
  ManagedBy1795301500000,
  StatusPageManagedBy1795301510000,
  ForgetDeletedSites1795301520500,
  LastEnqueuedSlot1795301620000,
  CompactPartitionedResults1795301640000,
  CompactRollups1795301640100,
  DnsAnswerSets1795301700000,
  ResultsWithoutSeriesKey1795301700100,
  DailyRollupsAtDayClose1795301800000,
];
