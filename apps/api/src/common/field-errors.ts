import { BadRequestException } from '@nestjs/common';

/** A 400 in the same shape as the validation pipe's: a list of "field reason" messages. */
export function fieldErrors(messages: string[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: messages });
}
