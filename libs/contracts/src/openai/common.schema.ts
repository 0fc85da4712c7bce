/**
 * Building blocks shared by the OpenAI request schemas. Every object is loose: the gateway forwards
 * fields it does not know to OpenAI-format upstreams, so nothing may be stripped.
 */
import { z } from 'zod';

export const modelSchema = z.string().min(1, 'must be a non-empty string');

/** Up to 4 stop sequences, as OpenAI documents. */
export const stopSchema = z.union([z.string(), z.array(z.string()).max(4)]).nullish();

export const streamOptionsSchema = z
  .looseObject({
    include_usage: z.boolean().optional(),
    include_obfuscation: z.boolean().optional(),
  })
  .nullish();

export const temperatureSchema = z.number().min(0).max(2).nullish();
export const topPSchema = z.number().min(0).max(1).nullish();
export const penaltySchema = z.number().min(-2).max(2).nullish();
export const positiveIntSchema = z.number().int().positive();
export const seedSchema = z.number().int().nullish();
export const userSchema = z.string().optional();

/** Token id (as a string key) -> bias in [-100, 100]. */
export const logitBiasSchema = z.record(z.string(), z.number().min(-100).max(100)).nullish();

/** A prompt or embedding input: text, texts, one token array, or several token arrays. */
export const tokenArraySchema = z.array(z.number().int().nonnegative()).min(1);

export const textOrTokensSchema = z.union([
  z.string(),
  z.array(z.string()).min(1),
  tokenArraySchema,
  z.array(tokenArraySchema).min(1),
]);
