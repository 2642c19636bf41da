import 'reflect-metadata';
import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { APP_CONFIG, RequestContext, type AppConfig } from '@tandem/server';
import { AppModule } from './app.module';
import { problem, sendProblem } from './common/problem';
import { ProblemFilter } from './common/problem.filter';
import { RouteParamTextPipe, refuseUnstorableInput } from './common/input-shape';
import { validationPipe } from './common/validation';
import { NoBodyInterceptor } from './common/no-body.interceptor';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** Body parsing whose failures (too large, malformed) are problem+json like every other error. */
function jsonBody(limit: string) {
  const parse = express.json({ limit, type: ['application/json', 'application/*+json'] });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') return sendProblem(res, problem(413, `Request body exceeds the ${limit} limit`, { errors: [{ path: 'body', message: `larger than ${limit}` }] }));
      if (e.type === 'entity.parse.failed') return sendProblem(res, problem(400, 'Request body is not valid JSON', { errors: [{ path: 'body', message: 'invalid JSON' }] }));
      return sendProblem(res, problem(e.status ?? 400, 'Request body could not be read', { errors: [{ path: 'body', message: e.type ?? 'unreadable' }] }));
    });
  };
}

/**
 * The console's production build from the API's own origin (one image, one port, no CORS):
 * hashed assets cached for good, index.html for every other path outside /api, /health and
 * /metrics (the console routes in the URL's hash).
 */
function serveConsole(app: NestExpressApplication, dir: string): void {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  if (!existsSync(index)) throw new Error(`CONSOLE_DIR=${dir} holds no index.html: build the console (vite build) or unset CONSOLE_DIR`);
  const apiPath = /^\/(api|health|metrics)(\/|$)/;
  app.use('/assets', express.static(path.join(root, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || apiPath.test(req.path)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** The API application, configured exactly as in production; used by main.ts, tests and benchmarks. */
export async function createApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bodyParser: false, bufferLogs: true, abortOnError: false });
  const config = app.get<AppConfig>(APP_CONFIG);
  const logger = app.get(Logger);
  app.useLogger(logger);
  if (config.jwtSecretEphemeral && config.NODE_ENV === 'development') {
    logger.warn('JWT_SECRET is not set: this process signs with a random secret of its own, so sessions end when it stops (npm start keeps one in .tandem/secrets.json)');
  }
  // false, a hop count or the proxies' addresses (config.ts refuses "trust every hop").
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');

  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const h = req.headers['x-request-id'];
    req.id = typeof h === 'string' && REQUEST_ID.test(h) ? h : randomUUID();
    req.headers['x-request-id'] = req.id;
    res.setHeader('X-Request-Id', req.id);
    next();
  });
  const strict = helmet();
  // Swagger UI and Bull Board are pages with their own scripts and styles; the JSON API gets the strict policy.
  const relaxed = helmet({ contentSecurityPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') || req.path.startsWith('/api/queues') ? relaxed : strict)(req, res, next));
  app.enableCors({
    origin: config.CORS_ORIGINS,
    exposedHeaders: ['Content-Range', 'X-Request-Id'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'Range'],
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    maxAge: 600,
  });
  // ERP pushes of up to MAX_BULK_ROWS rows need more room than an ordinary form.
  const bulkBody = jsonBody(config.BULK_BODY_LIMIT);
  const body = jsonBody(config.BODY_LIMIT);
  app.use((req: Request, res: Response, next: NextFunction) => (req.path === '/api/metric-values/bulk' ? bulkBody : body)(req, res, next));
  // Before routing, guards and pipes: text PostgreSQL cannot store, prototype names and
  // runaway nesting are refused for every route in one place.
  app.use(refuseUnstorableInput());
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/ready', method: RequestMethod.GET },
      { path: 'metrics', method: RequestMethod.GET },
    ],
  });
  app.useGlobalPipes(new RouteParamTextPipe(), validationPipe());
  app.useGlobalInterceptors(new NoBodyInterceptor());
  app.useGlobalFilters(new ProblemFilter(app.get(RequestContext)));

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Tandem API')
      .setDescription(
        'Supplier-development consortium platform. react-admin simple REST protocol for resources; RFC 9457 problem+json for every error. Each operation names the permission and roles it admits.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'access token from /api/auth/login, or an organisation API key tdm_…' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json', customSiteTitle: 'Tandem API' });
  if (config.CONSOLE_DIR) serveConsole(app, config.CONSOLE_DIR);
  return app;
}
