import { Controller, HttpCode, Inject, Injectable, Module, Post, Res } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import type { NextFunction, Request, Response } from 'express';
import { QUEUES, can, type Role } from '@tandem/contracts';
import { APP_CONFIG, DomainError, AuthErrorCode, type AppConfig, type Principal } from '@tandem/server';
import { AuthModule } from '../auth/auth.module';
import { SessionRevocations } from '../auth/session-revocations';
import { CurrentPrincipal, RequirePermission } from '../common/decorators';
import { problem, sendProblem } from '../common/problem';

export const QUEUES_ROUTE = '/api/queues';
const COOKIE = 'tandem_board';
/** Only a board session token opens the board: an access token copied into the cookie does not. */
const AUDIENCE = 'tandem:queue-board';

interface BoardClaims {
  sub: string;
  ra: string;
  fam: string;
  ims: number;
  role: Role;
}

function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/**
 * Bull Board shows and acts on every consortium's jobs, so it is the platform operator's
 * tool. A browser tab cannot send a bearer header, and a token in the URL would land in
 * logs and history: the console asks POST /api/queue-board/session (bearer), which sets an
 * HttpOnly, SameSite=Strict cookie holding a short board token scoped to /api/queues. The
 * board checks that token, the role and the session's revocation on every request.
 */
@Injectable()
export class QueueBoardSessions {
  private readonly jwt: JwtService;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {
    this.jwt = new JwtService({ secret: config.JWT_SECRET });
  }

  async open(p: Principal & { familyId?: string }, res: Response, secure: boolean): Promise<void> {
    if (!p.userId || !p.roleAssignmentId || !p.familyId) throw new DomainError(AuthErrorCode.Unauthenticated, 'Sign in as a person to open the queue board');
    const claims: BoardClaims = { sub: p.userId, ra: p.roleAssignmentId, fam: p.familyId, ims: Date.now(), role: p.role };
    const token = await this.jwt.signAsync(claims, { algorithm: 'HS256', audience: AUDIENCE, expiresIn: this.config.JWT_ACCESS_TTL_SECONDS });
    res.cookie(COOKIE, token, { httpOnly: true, sameSite: 'strict', path: QUEUES_ROUTE, secure, maxAge: this.config.JWT_ACCESS_TTL_SECONDS * 1000 });
  }

  middleware() {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const token = readCookie(req, COOKIE);
      if (!token) return sendProblem(res, problem(401, 'Authentication required: open the queue board from the console (Operations → Queues)'));
      let claims: BoardClaims;
      try {
        claims = await this.jwt.verifyAsync<BoardClaims>(token, { algorithms: ['HS256'], audience: AUDIENCE });
      } catch {
        return sendProblem(res, problem(401, 'Authentication required: open the queue board from the console (Operations → Queues)'));
      }
      try {
        if (await this.revocations.isRevoked(claims)) return sendProblem(res, problem(401, 'Your session has ended: sign in again'));
      } catch {
        return sendProblem(res, problem(503, 'Sessions cannot be checked right now; try again shortly'), { 'Retry-After': '5' });
      }
      if (!can(claims.role, 'queues.admin')) return sendProblem(res, problem(403, `Your role (${claims.role}) does not allow queues.admin`));
      next();
    };
  }
}

@ApiTags('operations')
@Controller('queue-board')
export class QueueBoardController {
  constructor(private readonly sessions: QueueBoardSessions) {}

  @Post('session')
  @HttpCode(204)
  @RequirePermission('queues.admin', 'Open a queue board session (HttpOnly cookie for /api/queues); platform operators only')
  @ApiNoContentResponse({ description: 'cookie set; open /api/queues' })
  async open(@CurrentPrincipal() p: Principal & { familyId?: string }, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.open(p, res, res.req.secure);
  }
}

@Module({ imports: [AuthModule], controllers: [QueueBoardController], providers: [QueueBoardSessions], exports: [QueueBoardSessions] })
export class QueueBoardSessionsModule {}

@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [QueueBoardSessionsModule],
      inject: [QueueBoardSessions],
      // The board's route is mounted under the global `api` prefix.
      useFactory: (sessions: QueueBoardSessions) => ({ route: '/queues', adapter: ExpressAdapter, middleware: sessions.middleware(), boardOptions: { uiConfig: { boardTitle: 'Tandem queues' } } }),
    }),
    ...Object.values(QUEUES).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
    QueueBoardSessionsModule,
  ],
})
export class QueuesModule {}
