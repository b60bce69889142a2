import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { countHttpRequests } from './metrics/http-metrics';

export const BODY_LIMIT = '64kb';

/** What every process that serves the API sets up: body limits, validation, OpenAPI at /docs. */
export function configureApi(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.useBodyParser('json', { limit: BODY_LIMIT });
  express.disable('x-powered-by');
  express.use(countHttpRequests);
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, forbidUnknownValues: true }),
  );
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('hopwatch')
      .setDescription('Uptime and upstream-chain monitoring that names the hop behind every 502.')
      .setVersion('1')
      .setLicense('MIT', 'https://opensource.org/licenses/MIT')
      .addServer('/', 'this hopwatch')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'an API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
