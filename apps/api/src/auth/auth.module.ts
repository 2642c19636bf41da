import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, type AppConfig } from '@tandem/server';
import { AccessGuard } from './access.guard';
import { InvitationsModule } from '../invitations/invitations.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { SessionRevocations } from './session-revocations';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { ACCESS_TOKEN_AUDIENCE, JwtStrategy } from './strategies/jwt.strategy';
import { LocalStrategy } from './strategies/local.strategy';

@Module({
  imports: [
    InvitationsModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET, signOptions: { algorithm: 'HS256', audience: ACCESS_TOKEN_AUDIENCE } }),
    }),
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginLimiter, SessionRevocations, LocalStrategy, JwtStrategy, ApiKeyStrategy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AuthService, SessionRevocations],
})
export class AuthModule {}
