import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { TelemetryController } from './telemetry.controller';
import { TelemetryMiddleware } from './telemetry.middleware';
import { TelemetryService } from './telemetry.service';

@Module({ controllers: [TelemetryController], providers: [TelemetryService], exports: [TelemetryService] })
export class TelemetryModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(TelemetryMiddleware).forRoutes({ path: '{*splat}', method: RequestMethod.ALL });
  }
}
