import { Controller, Get, Res } from '@nestjs/common';
import { PrometheusController } from '@willsoto/nestjs-prometheus';
import type { FastifyReply } from 'fastify';
import { clusterMetrics } from '../cluster/cluster-metrics';

/** GET /metrics: this process's registry, or with HTTP_WORKERS > 1 every gateway process's, gathered by the primary. */
@Controller()
export class MetricsController extends PrometheusController {
  @Get()
  override async index(@Res({ passthrough: true }) response: FastifyReply): Promise<string> {
    const gathered = clusterMetrics();
    if (!gathered) return super.index(response);
    const { text, contentType } = await gathered;
    void response.header('Content-Type', contentType);
    return text;
  }
}
