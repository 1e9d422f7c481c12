import { Controller, Get, Inject } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../accounts/auth.decorators';
import { Endpoint } from '../common/endpoint.decorator';
import { APP_CONFIG, type AppConfig, type DatabaseMode } from '../config/config';
import { DatabaseService } from '../database/database.module';

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

class HealthResponse {
  @ApiProperty({ enum: ['ok'] }) status!: 'ok';
  @ApiProperty({ type: DatabaseHealthResponse }) database!: DatabaseHealthResponse;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly database: DatabaseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
