import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { AlertRuleKind } from '@ai-router/contracts';
import { type AlertEvaluator, AlertEvaluatorFor } from './alert-evaluator';

/** Evaluators by rule kind, collected from every provider marked `@AlertEvaluatorFor(kind)`. */
@Injectable()
export class AlertEvaluatorRegistry implements OnModuleInit {
  private readonly byKind = new Map<AlertRuleKind, AlertEvaluator>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: AlertEvaluatorFor.KEY })) {
      const kind = this.discovery.getMetadataByDecorator(AlertEvaluatorFor, wrapper)!;
      if (this.byKind.has(kind)) throw new Error(`two alert evaluators for kind "${kind}"`);
      this.byKind.set(kind, wrapper.instance as AlertEvaluator);
    }
  }

  for(kind: AlertRuleKind): AlertEvaluator | undefined {
    return this.byKind.get(kind);
  }
}
