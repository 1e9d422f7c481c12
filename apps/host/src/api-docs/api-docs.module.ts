import { Module } from '@nestjs/common';
import { ApiDocsController } from './api-docs.controller';

/** The API reference: the OpenAPI documents at `/openapi/…` and Swagger UI at `/docs`. */
@Module({ controllers: [ApiDocsController] })
export class ApiDocsModule {}
