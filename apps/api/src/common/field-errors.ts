import { BadRequestException } from '@nestjs/common';

/** A 400 from a pipe (HTTP input checks, before any service runs), in the validation pipe's shape: "field reason" messages. */
export function fieldErrors(messages: string[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: messages });
}
