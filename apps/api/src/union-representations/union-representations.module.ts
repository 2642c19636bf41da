import { Module } from '@nestjs/common';
import { UnionRepresentationsController } from './union-representations.controller';
import { UnionRepresentationsService } from './union-representations.service';

@Module({ controllers: [UnionRepresentationsController], providers: [UnionRepresentationsService] })
export class UnionRepresentationsModule {}
