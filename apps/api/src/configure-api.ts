import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication, NestExpressBodyParserOptionsFor } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { refuseDeepJson } from './common/json-depth';
import { UnsafeValuesPipe } from './common/unsafe-values.pipe';
import { countHttpRequests } from './metrics/http-metrics';
import { createOpenApiDocument } from './openapi/openapi-document';

export const BODY_LIMIT = '64kb';

/** What every process that serves the API sets up: body limits, validation, OpenAPI at /docs. */
export function configureApi(app: INestApplication): void {
  const express = app as NestExpressApplication;
  // Nest's types reserve `verify` for its rawBody option, which we do not use; express passes it to body-parser as is.
  const jsonOptions = { limit: BODY_LIMIT, verify: refuseDeepJson } as NestExpressBodyParserOptionsFor<'json'>;
  express.useBodyParser('json', jsonOptions);
  express.disable('x-powered-by');
  express.use(countHttpRequests);
  app.useGlobalPipes(
    new UnsafeValuesPipe(),
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true }),
  );
  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
