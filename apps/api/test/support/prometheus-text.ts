import parsePrometheusTextFormat from 'parse-prometheus-text-format';

/** One sample as parse-prometheus-text-format gives it (counters and gauges: value; histograms: count/sum/buckets). */
export interface PromSample {
  labels?: Record<string, string>;
  value?: string;
  count?: string;
  sum?: string;
  buckets?: Record<string, string>;
}

export interface PromFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: PromSample[];
}

/** GETs `/metrics` and parses it as the Prometheus text format; throws when it does not parse. */
export async function scrapeMetrics(baseUrl: string): Promise<PromFamily[]> {
  const res = await fetch(`${baseUrl}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return (parsePrometheusTextFormat as (text: string) => PromFamily[])(await res.text());
}

/** The sum of a family's samples whose labels include `labels` (0 when none match). */
export function sampleSum(families: PromFamily[], name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  if (!family) throw new Error(`no metric family ${name}`);
  return family.metrics
    .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
    .reduce((total, m) => total + Number(m.value ?? m.count ?? 0), 0);
}
