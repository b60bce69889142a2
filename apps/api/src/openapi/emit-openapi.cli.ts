// `npm run web:api-types` step one: print the OpenAPI document without a database, Redis or a listening port.
// Nest's preview mode builds the module graph and the routes' metadata but instantiates no provider, so
// nothing connects anywhere.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { bootOrExit, loadConfig } from '@hopwatch/platform';
import { InfrastructureModule } from '@hopwatch/runtime';
import { ApiModule } from '../api.module';
import { createOpenApiDocument } from './openapi-document';

bootOrExit(async () => {
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(InfrastructureModule.forRoot(config, [ApiModule]), { preview: true, logger: false });
  process.stdout.write(`${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
});
