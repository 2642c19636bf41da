import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redactUrl } from './common/redact';
import { RateLimitsModule } from './rate-limits/rate-limits.module';
import { APP_CONFIG, logTransport, ServerModule, type AppConfig } from '@tandem/server';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuditEventsModule } from './audit-events/audit-events.module';
import { AuthModule } from './auth/auth.module';
import { ConsortiaModule } from './consortia/consortia.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HealthModule } from './health/health.module';
import { MembershipsModule } from './memberships/memberships.module';
import { TelemetryModule } from './telemetry/telemetry.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueuesModule } from './queues/queues.module';
import { BackgroundJobsModule } from './background-jobs/background-jobs.module';
import { RoleAssignmentsModule } from './role-assignments/role-assignments.module';
import { UsersModule } from './users/users.module';
import { InvitationsModule } from './invitations/invitations.module';
import { ProfileModule } from './profile/profile.module';
import { MetricDefinitionsModule } from './metric-definitions/metric-definitions.module';
import { PeriodsModule } from './periods/periods.module';
import { MetricValuesModule } from './metric-values/metric-values.module';
import { MetricGoalsModule } from './metric-goals/metric-goals.module';
import { ImportsModule } from './imports/imports.module';
import { SupplyRelationshipsModule } from './supply-relationships/supply-relationships.module';
import { ScorecardTemplatesModule } from './scorecard-templates/scorecard-templates.module';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { CorrectiveActionPlansModule } from './corrective-action-plans/corrective-action-plans.module';
import { PeerGroupsModule } from './peer-groups/peer-groups.module';
import { BenchmarkRunsModule } from './benchmark-runs/benchmark-runs.module';
import { BenchmarkCellsModule } from './benchmark-cells/benchmark-cells.module';
import { BenchmarkReportsModule } from './benchmark-reports/benchmark-reports.module';
import { StandingsModule } from './standings/standings.module';
import { SharingSettingsModule } from './sharing-settings/sharing-settings.module';
import { CustomerFeedbackModule } from './customer-feedback/customer-feedback.module';
import { TalentCirculationModule } from './talent-circulation/talent-circulation.module';
import { DemandSurveysModule } from './demand-surveys/demand-surveys.module';
import { TrainingFiguresModule } from './training-figures/training-figures.module';
import { UnionRepresentationsModule } from './union-representations/union-representations.module';
import { TrainingPlansModule } from './training-plans/training-plans.module';
import { ChartersModule } from './charters/charters.module';
import { CommitmentsModule } from './commitments/commitments.module';
import { CurriculaModule } from './curricula/curricula.module';
import { GrantsModule } from './grants/grants.module';
import { CourseSessionsModule } from './course-sessions/course-sessions.module';
import { TraineesModule } from './trainees/trainees.module';
import { EnrolmentsModule } from './enrolments/enrolments.module';
import { TrainingActivitiesModule } from './training-activities/training-activities.module';
import { WorkforceYearsModule } from './workforce-years/workforce-years.module';
import { WageStepsModule } from './wage-steps/wage-steps.module';

type LoggedRequest = { id?: unknown; method?: string; url?: string; headers?: Record<string, unknown>; remoteAddress?: string };

/**
 * A request's log line names it, not its credentials: no header but the agent, and the URL
 * with secret-named query parameters redacted (the parsed query is not logged at all).
 */
export const requestLogSerializers = {
  req: (req: LoggedRequest) => ({ id: req.id, method: req.method, url: redactUrl(req.url ?? ''), userAgent: req.headers?.['user-agent'], remoteAddress: req.remoteAddress }),
  res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
};

@Module({
  imports: [
    ServerModule.forProcess('api'),
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          transport: logTransport(config),
          // "GET /api/organisations 200 12 ms": what a person reads in the pretty format
          customSuccessMessage: (req: IncomingMessage, res: ServerResponse, responseTime: number) => `${req.method ?? '?'} ${redactUrl(req.url ?? '')} ${res.statusCode} ${Math.round(responseTime)} ms`,
          // The request id is assigned once, in bootstrap, and shared with the audit trail.
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
          serializers: requestLogSerializers,
          autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' || req.url === '/metrics' },
        },
      }),
    }),
    TelemetryModule,
    RateLimitsModule,
    HealthModule,
    AuthModule,
    ConsortiaModule,
    OrganisationsModule,
    MembershipsModule,
    UsersModule,
    InvitationsModule,
    ProfileModule,
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
    PeerGroupsModule,
    BenchmarkRunsModule,
    BenchmarkCellsModule,
    StandingsModule,
    BenchmarkReportsModule,
    SharingSettingsModule,
    CustomerFeedbackModule,
    TalentCirculationModule,
    DemandSurveysModule,
    TrainingFiguresModule,
    UnionRepresentationsModule,
    TrainingPlansModule,
    // commitments: charters, commitments, commitment-reviews, reciprocity
    ChartersModule,
    CommitmentsModule,
    // training records
    CurriculaModule,
    GrantsModule,
    CourseSessionsModule,
    TraineesModule,
    EnrolmentsModule,
    TrainingActivitiesModule,
    WorkforceYearsModule,
    WageStepsModule,
    QueuesModule,
    BackgroundJobsModule,
  ],
})
export class AppModule {}
