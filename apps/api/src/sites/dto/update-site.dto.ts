import { PartialType } from '@nestjs/swagger';
import { AcceptsNull } from '../../common/nullable.decorator';
import { CreateSiteDto } from './create-site.dto';

/** Every field optional; `hops`, when sent, replaces the whole chain; `bodyContains: null` clears the body check. */
@AcceptsNull('bodyContains')
export class UpdateSiteDto extends PartialType(CreateSiteDto) {}
