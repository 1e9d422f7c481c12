import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** DTO validation for every route: unknown fields are refused, types are converted, errors are problems. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new ProblemException(
        HttpStatus.BAD_REQUEST,
        'validation_failed',
        'The request is not valid',
        flatten(errors).map((entry) => ({
          field: entry.field,
          message: entry.message.replace(/^property (\S+) should not exist$/, 'unknown field $1'),
        })),
      ),
  });
}
