import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

/** An instant with its offset, so a bound never depends on the host's time zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An optional query parameter that is an instant (a bound of a time range), validated as such. */
export const InstantParam = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'date-time', description }),
    IsOptional(),
    IsString(),
    Matches(INSTANT, {
      message: '$property must be a date-time with an offset, such as 2026-01-31T08:00:00Z',
    }),
    IsISO8601({ strict: true }, { message: '$property must be a real date-time' }),
  );
