import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import path from 'node:path';
import { APP_CONFIG, type AppConfig } from '@tandem/server';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { ImportFileStorage, UploadRoomInterceptor, UploadSizeInterceptor } from './upload';

@Module({
  imports: [
    // Multipart uploads stream to IMPORT_DIR (never memory), one file of at most MAX_IMPORT_BYTES.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: new ImportFileStorage(path.resolve(config.IMPORT_DIR)),
        limits: { fileSize: config.MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
        // browsers send a file name such as "données.csv" as UTF-8 without saying so
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, UploadSizeInterceptor, UploadRoomInterceptor],
})
export class ImportsModule {}
