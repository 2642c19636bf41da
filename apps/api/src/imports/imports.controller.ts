import {
  BadRequestException,
  Controller,
  Get,
  HttpCode,
  Inject,
  Param,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
  UnsupportedMediaTypeException,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import path from 'node:path';
import type { Import, ImportRowError } from '@tandem/contracts';
import { APP_CONFIG, type AppConfig } from '@tandem/server';
import { RequirePermission } from '../common/decorators';
import { IdPipe } from '../common/id.pipe';
import { ListQuery, parseListQuery, setContentRange } from '../common/list-query';
import { ImportDto, ImportErrorDto, UploadFormDto, UploadQueryDto } from './dto/import.dto';
import { IMPORT_ERROR_LIST, IMPORT_LIST, ImportsService } from './imports.service';
import { storeStream, TooLarge, UploadRoomInterceptor, UploadSizeInterceptor, type StoredFile, type UploadedCsv } from './upload';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream'];

@ApiTags('imports')
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @RequirePermission('imports.create', 'Upload a CSV of metric values (multipart field `file`, or a text/csv body); parsed and checked by the worker')
  @UseInterceptors(UploadSizeInterceptor, UploadRoomInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data', 'text/csv')
  @ApiBody({ type: UploadFormDto })
  @ApiCreatedResponse({ type: ImportDto, description: 'status `uploaded`; poll GET /api/imports/{id} for progress' })
  @ApiPayloadTooLargeResponse({ description: 'larger than MAX_IMPORT_BYTES (problem+json); nothing is stored' })
  @ApiConflictResponse({ description: 'the firm (or the consortium staff) has MAX_IMPORTS_IN_FLIGHT imports not finished, listed in `errors` (problem+json, code imports.too_many_in_flight); nothing is stored' })
  async upload(
    @UploadedFile() file: UploadedCsv | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Query() query: UploadQueryDto,
  ): Promise<Import> {
    if (file) return this.imports.create(file, displayName(file.originalname));
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (type.startsWith('multipart/')) throw new BadRequestException('The multipart form has no file field "file"');
    if (!CSV_TYPES.includes(type)) throw new UnsupportedMediaTypeException('Send the CSV as multipart/form-data (field "file") or as a text/csv body');
    let stored: StoredFile;
    try {
      stored = await storeStream(req, path.resolve(this.config.IMPORT_DIR), this.config.MAX_IMPORT_BYTES);
    } catch (error) {
      if (error instanceof TooLarge) {
        // the rest of the body is not read: the connection cannot carry another request
        res.setHeader('Connection', 'close');
        throw new PayloadTooLargeException(`The file is larger than the ${this.config.MAX_IMPORT_BYTES} bytes an import accepts`);
      }
      throw error;
    }
    return this.imports.create(stored, displayName(query.filename ?? 'upload.csv'));
  }

  @Get()
  @RequirePermission('imports.read', 'List imports (simple REST: sort, range, filter status/organisationId/createdById, q on filename)')
  @ApiOkResponse({ type: [ImportDto] })
  async list(@Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<Import[]> {
    const page = parseListQuery(query, IMPORT_LIST);
    const { rows, total } = await this.imports.list(page);
    setContentRange(res, 'imports', page, rows.length, total);
    return rows;
  }

  @Get(':id')
  @RequirePermission('imports.read', 'One import: status, progress (0–100), row counts, file error')
  @ApiOkResponse({ type: ImportDto })
  get(@Param('id', IdPipe) id: string): Promise<Import> {
    return this.imports.get(id);
  }

  @Get(':id/errors')
  @RequirePermission('imports.read', 'Errors of an import, one per row and column (simple REST; default sort rowNumber)')
  @ApiOkResponse({ type: [ImportErrorDto] })
  async errors(@Param('id', IdPipe) id: string, @Query() query: ListQuery, @Res({ passthrough: true }) res: Response): Promise<ImportRowError[]> {
    const page = parseListQuery(query, IMPORT_ERROR_LIST);
    const { rows, total } = await this.imports.errors(id, page);
    setContentRange(res, 'import-errors', page, rows.length, total);
    return rows;
  }

  @Get(':id/errors.csv')
  @RequirePermission('imports.read', 'Errors of an import as a CSV download: row, column, message')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'attachment import-{id}-errors.csv: header row,column,message', schema: { type: 'string', example: 'row,column,message\n2,value,"must be a number without units; got ""95%"""\n' } })
  async errorsCsv(@Param('id', IdPipe) id: string, @Res() res: Response): Promise<void> {
    // 404 (problem+json) before any CSV header is sent
    await this.imports.get(id);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="import-${id}-errors.csv"`);
    try {
      await this.imports.writeErrorsCsv(id, res);
    } catch (error) {
      // the status line is gone already: cut the download short rather than end it as if complete
      res.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }

  @Post(':id/commit')
  @HttpCode(202)
  @RequirePermission('imports.create', 'Commit the valid rows of a parsed import into metric values (asynchronous; 409 unless parsed)')
  @ApiAcceptedResponse({ type: ImportDto, description: 'status `committing`; the worker sets `committed` and committedRows' })
  commit(@Param('id', IdPipe) id: string): Promise<Import> {
    return this.imports.commit(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('imports.create', 'Cancel a parsed import: nothing is committed, staged rows are deleted (409 unless parsed)')
  @ApiOkResponse({ type: ImportDto })
  cancel(@Param('id', IdPipe) id: string): Promise<Import> {
    return this.imports.cancel(id);
  }
}

/** The name shown for an upload: no directories, no control characters, at most 200 characters. */
function displayName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '').trim();
  return (base || 'upload.csv').slice(0, 200);
}
