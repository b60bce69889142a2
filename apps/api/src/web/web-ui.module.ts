// Serves the built web UI under `/`, with the single-page app's fallback to index.html for client routes.
import { Logger, Module } from '@nestjs/common';
import { ServeStaticModule, ServeStaticModuleOptions } from '@nestjs/serve-static';
import type { Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { HOPWATCH_CONFIG, HopwatchConfig } from '@hopwatch/platform';

/** Paths the UI never answers: the API (an unknown /api route stays a JSON 404), docs, probes, and missing assets. */
export const NOT_UI_PATHS = /^\/(api|docs|docs-json|health|metrics|assets)(\/|$)/;

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Vite puts content-hashed files under assets/, so they never change; everything else is revalidated every time. */
function cacheHeaders(assetsDir: string) {
  return (response: Response, path: string): void => {
    response.setHeader('Cache-Control', path.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
  };
}

export function webUiOptions(config: HopwatchConfig, logger = new Logger('WebUi')): ServeStaticModuleOptions[] {
  const rootPath = resolve(config.webDir);
  if (!existsSync(join(rootPath, 'index.html'))) {
    logger.warn(`no web UI at ${rootPath} (index.html missing; run "npm run build" or set HOPWATCH_WEB_DIR): serving the API only`);
    return [];
  }
  return [
    {
      rootPath,
      exclude: NOT_UI_PATHS,
      serveStaticOptions: { cacheControl: false, setHeaders: cacheHeaders(join(rootPath, 'assets') + sep), fallthrough: true },
    },
  ];
}

@Module({
  imports: [ServeStaticModule.forRootAsync({ inject: [HOPWATCH_CONFIG], useFactory: (config: HopwatchConfig) => webUiOptions(config) })],
})
export class WebUiModule {}
