import { Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from, switchMap, type Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '@tandem/server';
import { ImportsService } from './imports.service';

/**
 * Uploads are streamed to IMPORT_DIR, never held in memory: the sha256 and the size are
 * computed on the way. The name on disk is random; the import row keeps it (storagePath,
 * relative to IMPORT_DIR, which API and worker share).
 */
export interface StoredFile {
  /** name inside IMPORT_DIR */
  storagePath: string;
  sizeBytes: number;
  checksum: string;
}

/** Thrown when more than `limit` bytes arrive. */
export class TooLarge extends Error {}

/** Copy `source` into a new file of `dir`, refusing more than `limit` bytes (the partial file is removed). */
export async function storeStream(source: Readable, dir: string, limit: number): Promise<StoredFile> {
  await mkdir(dir, { recursive: true });
  const storagePath = `${randomUUID()}.csv`;
  const target = path.join(dir, storagePath);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new TooLarge(`larger than ${limit} bytes`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    await rm(target, { force: true });
    throw error;
  }
  return { storagePath, sizeBytes: size, checksum: hash.digest('hex') };
}

/** A file as multer hands it to the route, with what our storage engine added. */
export interface UploadedCsv extends StoredFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  /** absolute path, for multer's own clean-up */
  path: string;
}

interface MulterFileIn {
  fieldname: string;
  originalname: string;
  mimetype: string;
  stream: Readable;
}

/**
 * multer storage engine: the same streaming copy for multipart uploads. multer enforces
 * MAX_IMPORT_BYTES itself (busboy stops the stream) and calls _removeFile on the partial
 * file, so an oversized upload leaves nothing behind.
 */
export class ImportFileStorage {
  constructor(private readonly dir: string) {}

  _handleFile(_req: Request, file: MulterFileIn, cb: (error: Error | null, info?: Partial<UploadedCsv>) => void): void {
    storeStream(file.stream, this.dir, Number.MAX_SAFE_INTEGER).then(
      (stored) => cb(null, { ...stored, path: path.join(this.dir, stored.storagePath) }),
      (error: unknown) => cb(error instanceof Error ? error : new Error(String(error))),
    );
  }

  _removeFile(_req: Request, file: Partial<UploadedCsv>, cb: (error: Error | null) => void): void {
    if (!file.path) return cb(null);
    rm(file.path, { force: true }).then(
      () => cb(null),
      (error: unknown) => cb(error instanceof Error ? error : new Error(String(error))),
    );
  }
}

/** Multipart framing around the file: boundaries, part headers, a filename. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Refuses an upload whose declared Content-Length is already over the limit, before a
 * byte is read or written (413 problem+json). Bodies without a length are still counted
 * while they stream.
 */
@Injectable()
export class UploadSizeInterceptor implements NestInterceptor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    const declared = Number(req.headers['content-length'] ?? NaN);
    const multipart = (req.headers['content-type'] ?? '').startsWith('multipart/');
    const allowed = this.config.MAX_IMPORT_BYTES + (multipart ? MULTIPART_OVERHEAD : 0);
    if (Number.isFinite(declared) && declared > allowed) {
      // the client may still be sending: stop reading, and close the connection after the answer
      ctx.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
      throw new PayloadTooLargeException(`The file is larger than the ${this.config.MAX_IMPORT_BYTES} bytes an import accepts`);
    }
    return next.handle();
  }
}

/**
 * Refuses an upload while the uploader has MAX_IMPORTS_IN_FLIGHT imports not finished (409
 * problem+json), before the body is read: no file is written for it. The service checks
 * again under a lock when it inserts, for uploads that pass here together.
 */
@Injectable()
export class UploadRoomInterceptor implements NestInterceptor {
  constructor(private readonly imports: ImportsService) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const refused = (error: unknown): never => {
      // the client may still be sending the file: close the connection after the answer
      ctx.switchToHttp().getResponse<Response>().setHeader('Connection', 'close');
      throw error;
    };
    return from(this.imports.assertRoomForUpload().catch(refused)).pipe(switchMap(() => next.handle()));
  }
}
