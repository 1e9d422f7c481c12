import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Endpoint } from '../common/endpoint.decorator';
import { forbidden } from '../common/problem';
import { Public } from '../common/public.decorator';
import { HOST_CONFIG, type HostConfig } from '../config/config';
import { mayReadMetrics } from './metrics-access';
import { Metrics } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    @Inject(HOST_CONFIG) private readonly config: HostConfig,
  ) {}

  @Get()
  @Public()
  @Endpoint({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics, to a scraper on this machine or one with KONGJIAN_METRICS_TOKEN',
    stream: { mediaType: 'text/plain', description: 'Prometheus text exposition format 0.0.4' },
    problems: [403],
  })
  async metricsText(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!mayReadMetrics(request, this.config.metricsToken)) {
      throw forbidden('Metrics are served to this machine, or with the metrics token as a bearer token');
    }
    const { contentType, text } = await this.metrics.scrape();
    response.type(contentType).send(text);
  }
}
