import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { APP_CONFIG, ServerModule, type AppConfig } from '@tandem/server';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditEventsModule } from './audit-events/audit-events.module';
import { AuthModule } from './auth/auth.module';
import { ConsortiaModule } from './consortia/consortia.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { MembershipsModule } from './memberships/memberships.module';
import { MetricsModule } from './metrics/metrics.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueuesModule } from './queues/queues.module';
import { RoleAssignmentsModule } from './role-assignments/role-assignments.module';
import { UsersModule } from './users/users.module';
import { MetricDefinitionsModule } from './metric-definitions/metric-definitions.module';
import { PeriodsModule } from './periods/periods.module';
import { MetricValuesModule } from './metric-values/metric-values.module';
import { MetricGoalsModule } from './metric-goals/metric-goals.module';
import { ImportsModule } from './imports/imports.module';
import { SupplyRelationshipsModule } from './supply-relationships/supply-relationships.module';
import { ScorecardTemplatesModule } from './scorecard-templates/scorecard-templates.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { CorrectiveActionPlansModule } from './corrective-action-plans/corrective-action-plans.module';

@Module({
  imports: [
    ServerModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          // The request id is assigned once, in bootstrap, and shared with the audit trail.
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
        },
      }),
    }),
    MetricsModule,
    HealthModule,
    AuthModule,
    ConsortiaModule,
    OrganisationsModule,
    MembershipsModule,
    UsersModule,
    RoleAssignmentsModule,
    ApiKeysModule,
    AuditEventsModule,
    OutboxModule,
    DashboardModule,
    MetricDefinitionsModule,
    PeriodsModule,
    MetricValuesModule,
    MetricGoalsModule,
    ImportsModule,
    SupplyRelationshipsModule,
    ScorecardTemplatesModule,
    ScorecardsModule,
    CorrectiveActionPlansModule,
    QueuesModule,
  ],
})
export class AppModule {}
