import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, isRejected } from '@hopwatch/domain';
import { DOMAIN_ERROR_STATUS } from './domain-error.status';
import { JsonTooDeepError } from './json-depth';

type BodyParserError = { type?: string };

const PARSER_ERRORS: Record<string, { statusCode: number; error: string; message: string | string[] }> = {
  'entity.too.large': { statusCode: 413, error: 'Payload Too Large', message: 'request body is larger than 64 KiB' },
  'entity.parse.failed': { statusCode: 400, error: 'Bad Request', message: ['body is not valid JSON'] },
  'entity.too.deep': { statusCode: 400, error: 'Bad Request', message: [new JsonTooDeepError().message] },
};

/** One home for error responses: domain failures by their code, Nest's shape for HTTP errors, body-parser errors told plainly, an errorId on a 500. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const parserError = PARSER_ERRORS[((error as { cause?: BodyParserError })?.cause ?? (error as BodyParserError))?.type ?? ''];
    if (parserError) {
      response.status(parserError.statusCode).json(parserError);
      return;
    }
    if (error instanceof DomainError) {
      const answer = DOMAIN_ERROR_STATUS[error.code];
      // A rejected request lists "field reason" messages, like the validation pipe's 400s.
      response.status(answer.statusCode).json({ ...answer, message: isRejected(error) ? error.reasons : error.message });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      response.status(error.getStatus()).json(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    const errorId = randomUUID();
    this.logger.error({ err: error, errorId }, 'unhandled error');
    response.status(500).json({ statusCode: 500, error: 'Internal Server Error', message: 'internal error', errorId });
  }
}
