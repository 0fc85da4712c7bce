import { defaultPiiConfig, type PiiConfig, type RequestLogging } from '@ai-router/contracts';
import { compileMasker, type PiiMasker } from '../pii/pii-masker';

/**
 * The masker for an org's stored bodies, or null when the org does not store them. Stored bodies are
 * always masked, whether or not the org masks what goes upstream: with the org's own detectors and
 * rules when its masking is on, else with every built-in detector.
 */
export function bodyLogMasker(org: { pii: PiiConfig | null; requestLogging: RequestLogging | null } | null): PiiMasker | null {
  if (!org?.requestLogging?.bodies) return null;
  const config = org.pii?.enabled ? org.pii : defaultPiiConfig();
  return compileMasker({ ...config, enabled: true, applyToLogs: true });
}
