import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { fieldErrors } from './field-errors';
import { nullableFields } from './nullable.decorator';
import { unsafeValues } from './unsafe-values';

/** Runs before validation on every body, query and path parameter; see unsafe-values.ts for why. */
@Injectable()
export class UnsafeValuesPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const problems = unsafeValues(value, {
      root: metadata.data ?? metadata.type,
      refuseNull: metadata.type === 'body',
      nullableFields: nullableFields(metadata.metatype),
    });
    if (problems.length > 0) throw fieldErrors(problems);
    return value;
  }
}
