import { Module } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES, can } from '@tandem/contracts';
import { APP_CONFIG, type AppConfig } from '@tandem/server';
import type { AccessClaims } from '../auth/auth.service';
import { problem, sendProblem } from '../common/problem';

export const QUEUES_ROUTE = '/api/queues';
const COOKIE = 'tandem_board';

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Bull Board is a browser UI, so a bearer header cannot reach it. The console opens it with
 * `?token=<access token>`; the token is checked (role must hold `queues.admin`), moved into
 * an HttpOnly cookie scoped to this path, and stripped from the URL.
 */
export function boardAuth(config: AppConfig) {
  const jwt = new JwtService({ secret: config.JWT_SECRET });
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const fromQuery = typeof req.query['token'] === 'string' ? req.query['token'] : undefined;
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const token = fromQuery ?? bearer ?? readCookie(req, COOKIE);
    if (!token) return sendProblem(res, problem(401, 'Authentication required'));
    let claims: AccessClaims;
    try {
      claims = await jwt.verifyAsync<AccessClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return sendProblem(res, problem(401, 'Authentication required'));
    }
    if (!can(claims.role, 'queues.admin')) return sendProblem(res, problem(403, `Your role (${claims.role}) does not allow queues.admin`));
    if (fromQuery) {
      res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUES_ROUTE, secure: req.secure, maxAge: config.JWT_ACCESS_TTL_SECONDS * 1000 });
      return res.redirect(302, `${req.baseUrl || QUEUES_ROUTE}${req.path === '/' ? '' : req.path}`);
    }
    next();
  };
}

@Module({
  imports: [
    BullBoardModule.forRootAsync({
      inject: [APP_CONFIG],
      // The board's route is mounted under the global `api` prefix.
      useFactory: (config: AppConfig) => ({ route: '/queues', adapter: ExpressAdapter, middleware: boardAuth(config), boardOptions: { uiConfig: { boardTitle: 'Tandem queues' } } }),
    }),
    ...Object.values(QUEUES).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
})
export class QueuesModule {}
