import { type ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { invalidRequest, ProblemException } from './problem';

type FieldError = { field: string; message: string };

/**
 * class-validator's default messages ("must be longer than or equal to 1 characters", "All ids's
 * elements must be unique") reworded as plain English rules; its own words stay where they read well.
 */
const REWORDINGS: [RegExp, string][] = [
  [/^property (\S+) should not exist$/, '$1 is not a field this request accepts'],
  [/^an unknown value was passed to the validate function$/, 'The request must be a JSON object'],
  [
    /^each value in nested property (\S+) must be either object or array$/,
    'each item in $1 must be an object',
  ],
  [/^nested property (\S+) must be either object or array$/, '$1 must be an object'],
  [/^All (\S+)'s elements must be unique$/, '$1 must not list the same value twice'],
  [/ must be shorter than or equal to (\d+) characters$/, ' must be at most $1 characters long'],
  [/ must be longer than or equal to 1 characters$/, ' must not be empty'],
  [/ must be longer than or equal to (\d+) characters$/, ' must be at least $1 characters long'],
  [/ must contain at least 1 elements$/, ' must contain at least 1 item'],
  [/ must contain at least (\d+) elements$/, ' must contain at least $1 items'],
  [/ must contain no more than 1 elements$/, ' must contain at most 1 item'],
  [/ must contain no more than (\d+) elements$/, ' must contain at most $1 items'],
  [/ must be an integer number$/, ' must be an integer'],
  [/ must be a number conforming to the specified constraints$/, ' must be a number'],
  [/ must be a boolean value$/, ' must be true or false'],
  [/ must not be less than (\S+)$/, ' must be at least $1'],
  [/ must not be greater than (\S+)$/, ' must be at most $1'],
  [/ must be a valid ISO 8601 date string$/, ' must be a date-time such as 2026-01-31T08:00:00Z'],
];

function reword(message: string): string {
  for (const [pattern, replacement] of REWORDINGS) {
    if (pattern.test(message)) return message.replace(pattern, replacement);
  }
  return message;
}

/**
 * The checks of what kind of value a field holds. When one fails, the field's range checks (length,
 * minimum, maximum) fail too, and say nothing more: only the kind is reported.
 */
const KIND_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isArray',
  'isObject',
  'nestedValidation',
  'unknownValue',
]);

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const kinds = constraints.filter(([name]) => KIND_CONSTRAINTS.has(name));
    let own: FieldError[];
    if (constraints.length > 0 && error.value === undefined && kinds.length > 0) {
      // An absent field that is not optional: "name must be a string" would hide that it is missing.
      own = [{ field, message: `${field} is required` }];
    } else {
      own = (kinds.length > 0 ? kinds : constraints).map(([, message]) => ({
        field,
        message: reword(message),
      }));
    }
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Each broken rule once: an array of 500 wrong items breaks "each item must be an object" once, not 500
 * times, and empty text is reported as blank only, not also as empty.
 */
function distinct(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const blank = new Set(
    errors.filter((entry) => entry.message.endsWith(' must not be blank')).map((entry) => entry.field),
  );
  return errors.filter((entry) => {
    const key = `${entry.field}\n${entry.message}`;
    if (seen.has(key) || (blank.has(entry.field) && entry.message.endsWith(' must not be empty')))
      return false;
    seen.add(key);
    return true;
  });
}

/** The path of the first string (or object key) holding a NUL character, which no text column can store. */
function nulPath(value: unknown, path: string, depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > 32) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\0')) return childPath;
    const found = nulPath(child, childPath, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * Checks every DTO before class-validator sees it: a body must be a JSON object (express.json also
 * accepts an array), and no text may contain NUL characters (the database refuses them).
 */
class ProblemValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      metadata.metatype &&
      this.toValidate(metadata) &&
      (metadata.type === 'body' || metadata.type === 'query')
    ) {
      if (
        metadata.type === 'body' &&
        value !== undefined &&
        (value === null || typeof value !== 'object' || Array.isArray(value))
      ) {
        throw new ProblemException(
          HttpStatus.BAD_REQUEST,
          'validation_failed',
          'The request body must be a JSON object',
        );
      }
      const field = nulPath(value, '');
      if (field) throw invalidRequest([{ field, message: `${field} must not contain NUL characters` }]);
    }
    return super.transform(value, metadata);
  }
}

/** DTO validation for every route: unknown fields are refused, types are converted, errors are problems. */
export function createValidationPipe(): ValidationPipe {
  return new ProblemValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => invalidRequest(distinct(flatten(errors))),
  });
}
