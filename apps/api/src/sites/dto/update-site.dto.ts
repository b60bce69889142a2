import { PartialType } from '@nestjs/swagger';
import { CreateSiteDto } from './create-site.dto';

/** Every field optional; `hops`, when sent, replaces the whole chain. */
export class UpdateSiteDto extends PartialType(CreateSiteDto) {}
