import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  type CloseInvoicePeriod, closeInvoicePeriodSchema, type CloseInvoicePeriodResult, type InvoiceSummaryView, type InvoiceView,
} from '@ai-router/contracts';
import type { OrgActor } from '../auth/auth-user';
import { Authenticated, CurrentActor } from '../auth/authenticated.decorator';
import { ZodBody } from '../common/zod-body.decorator';
import { type InvoiceFile, InvoicesService } from './invoices.service';

/** Org members with billing:read see their invoices; closing a month on demand is for the platform owner. */
@ApiTags('invoices')
@Controller('api/orgs/:orgId/invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  @Authenticated({ permission: 'billing:read' })
  list(@CurrentActor() actor: OrgActor, @Query('limit') limit = '24'): Promise<InvoiceSummaryView[]> {
    return this.invoices.list(actor.orgId, Number(limit) || 24);
  }

  @Post('close')
  @HttpCode(200)
  @Authenticated({ permission: 'billing:manage' })
  close(@CurrentActor() actor: OrgActor, @ZodBody(closeInvoicePeriodSchema) body: CloseInvoicePeriod): Promise<CloseInvoicePeriodResult> {
    return this.invoices.close(actor.orgId, body.periodStart);
  }

  @Get(':id')
  @Authenticated({ permission: 'billing:read' })
  get(@CurrentActor() actor: OrgActor, @Param('id') id: string): Promise<InvoiceView> {
    return this.invoices.get(actor.orgId, id);
  }

  @Get(':id/pdf')
  @ApiProduces('application/pdf')
  @Authenticated({ permission: 'billing:read' })
  async pdf(@CurrentActor() actor: OrgActor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | string> {
    return send(reply, await this.invoices.pdf(actor.orgId, id));
  }

  @Get(':id/csv')
  @ApiProduces('text/csv')
  @Authenticated({ permission: 'billing:read' })
  async csv(@CurrentActor() actor: OrgActor, @Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer | string> {
    return send(reply, await this.invoices.csv(actor.orgId, id));
  }
}

function send(reply: FastifyReply, file: InvoiceFile): Buffer | string {
  void reply.header('content-type', file.contentType).header('content-disposition', `attachment; filename="${file.filename}"`);
  return file.body;
}
