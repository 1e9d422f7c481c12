import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMITS } from '../../common/limits';

export class AppUsageQuery {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: LIMITS.openApiUsageDaysMax,
    default: LIMITS.openApiUsageDaysDefault,
    description: 'How many UTC days, up to and including today',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITS.openApiUsageDaysMax)
  days?: number;
}

export class UsageCountsResponse {
  @ApiProperty({ description: 'Every call made with a valid token, whatever the answer' }) calls!: number;
  @ApiProperty({ description: 'Calls answered 4xx, apart from 429' }) clientErrors!: number;
  @ApiProperty({ description: 'Calls answered 429: a rate limit or quota was spent' }) rateLimited!: number;
  @ApiProperty({ description: 'Calls answered 5xx' }) serverErrors!: number;
}

export class OperationUsageResponse extends UsageCountsResponse {
  @ApiProperty({ format: 'date', description: 'The UTC day' }) day!: string;
  @ApiProperty({ description: 'The operation id in openapi/open-platform.json, e.g. getMe' })
  operation!: string;
}

export class RateLimitBudgetResponse {
  @ApiProperty({ description: 'Requests are counted in fixed windows of this many seconds' })
  windowSeconds!: number;
  @ApiProperty({ description: 'Requests one access token (one user) may make per window' })
  tokenRequestsPerWindow!: number;
  @ApiProperty({ description: 'Requests the app may make per window, over all its tokens' })
  appRequestsPerWindow!: number;
  @ApiProperty({
    description:
      "What is left of the app's requests in the current window: the counter that enforces the limit, shared by " +
      'every host instance through Redis',
  })
  appRequestsLeft!: number;
  @ApiProperty({ description: 'Seconds until the current window ends and the counts start again' })
  resetSeconds!: number;
}

export class AppUsageResponse {
  @ApiProperty({ format: 'date', description: 'The first UTC day counted' }) from!: string;
  @ApiProperty({ format: 'date', description: 'The last UTC day counted: today' }) to!: string;
  @ApiProperty({
    type: [OperationUsageResponse],
    description:
      `Per day and operation, newest day first; days without calls are left out. Counted within ` +
      `${LIMITS.openApiUsageFlushSeconds} seconds`,
  })
  items!: OperationUsageResponse[];
  @ApiProperty({ type: UsageCountsResponse, description: 'Over all the days' }) totals!: UsageCountsResponse;
  @ApiProperty({ type: RateLimitBudgetResponse }) rateLimit!: RateLimitBudgetResponse;
}
