import { ApiKeyEntity } from './auth/api-key.entity';
import { CheckResultEntity } from './checks/check-result.entity';
import { HopEntity } from './sites/hop.entity';
import { SiteEntity } from './sites/site.entity';

export const ENTITIES = [SiteEntity, HopEntity, ApiKeyEntity, CheckResultEntity];
