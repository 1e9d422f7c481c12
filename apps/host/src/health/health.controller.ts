import { Controller, Get, HttpStatus, Inject } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../common/endpoint.decorator';
import { ProblemException } from '../common/problem';
import { Public } from '../common/public.decorator';
import { HOST_CONFIG, type HostConfig, type DatabaseMode } from '../config/config';
import { DatabaseService } from '../database/database.module';
import { Readiness } from './readiness.service';

class MigrationStateResponse {
  @ApiProperty({ type: [String] }) executed!: string[];
  @ApiProperty({ type: [String] }) pending!: string[];
  @ApiProperty() upToDate!: boolean;
}

class DatabaseHealthResponse {
  @ApiProperty({ enum: ['pglite', 'postgresql'] }) mode!: DatabaseMode;
  @ApiProperty({ type: MigrationStateResponse }) migrations!: MigrationStateResponse;
}

class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
}

const CHECK_STATES = ['ok', 'failing', 'pending'];

class ReadinessChecksResponse {
  @ApiProperty({ enum: CHECK_STATES, description: 'The database answers `select 1`' }) database!: string;
  @ApiProperty({ enum: CHECK_STATES, description: 'Every migration has run' }) migrations!: string;
  @ApiProperty({ enum: CHECK_STATES, description: 'The plugin workers have started' }) plugins!: string;
  @ApiPropertyOptional({ enum: CHECK_STATES, description: 'Redis answers PING (only with REDIS_URL)' })
  redis?: string;
}

class ReadinessResponse {
  @ApiProperty({ enum: ['ready'] }) status!: 'ready';
  @ApiProperty({ type: ReadinessChecksResponse }) checks!: ReadinessChecksResponse;
}

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: DatabaseHealthResponse }) database!: DatabaseHealthResponse;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseService,
    private readonly readiness: Readiness,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  @Get()
  @Public()
  @Endpoint({
    operationId: 'getHealth',
    summary: 'Database mode and migration state',
    response: HealthResponse,
  })
  async health(): Promise<HealthResponse> {
    return this.healthReport();
  }

  /** Answers without touching the database: a load balancer's liveness probe, and the benchmark's ceiling. */
  @Get('live')
  @Public()
  @Endpoint({
    operationId: 'getLiveness',
    summary: 'The process is up and serving',
    response: LivenessResponse,
  })
  live(): LivenessResponse {
    return { status: 'ok' };
  }

  /**
   * For a load balancer: 200 when this instance may take traffic; otherwise 503 problem+json whose detail
   * names the failing checks (or says the instance is shutting down).
   */
  @Get('ready')
  @Public()
  @Endpoint({
    operationId: 'getReadiness',
    summary: 'The instance may take traffic: database reachable, migrations done, plugins started',
    response: ReadinessResponse,
    problems: [503],
    problemDescriptions: {
      503: 'Not ready (starting, a failing check, or shutting down); the detail says why',
    },
  })
  async ready(): Promise<ReadinessResponse> {
    if (this.readiness.isDraining) {
      throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'not_ready', 'Shutting down');
    }
    const checks = await this.readiness.checks();
    const failing = Object.entries(checks).filter(([, state]) => state !== 'ok');
    if (failing.length > 0) {
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not_ready',
        `Not ready: ${failing.map(([name, state]) => `${name} ${state}`).join(', ')}`,
      );
    }
    return { status: 'ready', checks };
  }

  private async healthReport(): Promise<HealthResponse> {
    const state = await this.database.migrationState();
    return {
      status: 'ok',
      database: {
        mode: this.config.databaseMode,
        migrations: { ...state, upToDate: state.pending.length === 0 },
      },
    };
  }
}
