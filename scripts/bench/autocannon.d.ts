// The slice of autocannon's API the benchmarks use (no @types package installed).
declare module "autocannon" {
  export interface Histogram {
    average: number;
    mean: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
  }
  export interface RawRequest {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    [key: string]: unknown;
  }
  export interface RequestSpec {
    path?: string;
    method?: string;
    headers?: Record<string, string>;
    setupRequest?: (req: RawRequest, context: Record<string, unknown>) => RawRequest | null;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: RequestSpec[];
  }
  export interface Result {
    requests: Histogram & { total: number; sent: number };
    latency: Histogram;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    totalRequests: number;
    totalCompletedRequests: number;
    connections: number;
  }
  function autocannon(opts: Options): Promise<Result> & {
    stop: () => void;
    /** Each response as it arrives: `ms` is its time from request to response (hrtime, fractional). */
    on(event: "response", listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  export default autocannon;
}
