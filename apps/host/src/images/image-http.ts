import {
  type CallHandler,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  mixin,
  type NestInterceptor,
  StreamableFile,
  type Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import 'multer';
import type { Observable } from 'rxjs';
import { LIMITS } from '../common/limits';
import { badRequest, ProblemException } from '../common/problem';
import { sizeText } from '../common/text';

/** The most a text field beside the file (a photo's title or description) may hold. */
const UPLOAD_FIELD_BYTES = 16 * 1024;

/**
 * Image uploads (photos, app icons) arrive as the multipart field `file`, read into memory bounded by
 * `maxBytes` (multer answers 413 beyond it) and never touch disk unprocessed. Multer's refusals ("Too
 * many files", "Multipart: Boundary not found") become the rule the upload broke.
 */
export const imageUploadInterceptor = (maxBytes: number, fields: number): Type<NestInterceptor> => {
  const Multer = FileInterceptor('file', {
    limits: { fileSize: maxBytes, files: 1, fields, fieldSize: UPLOAD_FIELD_BYTES },
  });
  const shape =
    'The request body must be multipart/form-data with one image in the field "file"' +
    (fields > 0
      ? ` and at most ${fields} text fields of at most ${sizeText(UPLOAD_FIELD_BYTES)} each`
      : ' and no other fields');

  @Injectable()
  class ImageUploadInterceptor implements NestInterceptor {
    private readonly multer = new Multer();

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await this.multer.intercept(context, next);
      } catch (error) {
        if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
        if (error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
          throw new ProblemException(
            HttpStatus.PAYLOAD_TOO_LARGE,
            'payload_too_large',
            `The file must be at most ${sizeText(maxBytes)}`,
          );
        }
        throw badRequest('validation_failed', shape);
      }
    }
  }
  return mixin(ImageUploadInterceptor);
};

/** A request without its `file` part is a validation failure, named like any other. */
export function requireFile(file: Express.Multer.File | undefined): Buffer {
  if (!file) throw badRequest('validation_failed', 'Attach the image as the multipart field "file"');
  return file.buffer;
}

/** The OpenAPI schema of the `file` part, with the limits it is held to. */
export const imageFilePart = (maxBytes: number) => ({
  type: 'string',
  format: 'binary',
  description: `A JPEG, PNG, WebP or GIF image of at most ${maxBytes} bytes and ${LIMITS.photoPixelsMax} pixels`,
});

/** The OpenAPI description of a 200 answer that is an image of one of these types. */
export const ApiImageResponse = (description: string, contentTypes: string[]) =>
  ApiResponse({
    status: 200,
    description,
    content: Object.fromEntries(
      contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  });

/** An image answer: its cache rule, never sniffed as another type, shown inline. */
export function imageFile(
  response: Response,
  image: Buffer,
  contentType: string,
  cacheControl: string,
): StreamableFile {
  response.setHeader('Cache-Control', cacheControl);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  return new StreamableFile(image, { type: contentType, length: image.length, disposition: 'inline' });
}
