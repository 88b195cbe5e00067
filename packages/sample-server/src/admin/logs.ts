/** A log message as `/admin/logs/query` reports it. */
export interface AdminLogEntry {
  type: string;
  message: string;
  time: number;
  source: string;
  machine: string;
  user: string;
  code: number;
  elapsed: string;
  process: string;
  thread: string;
  methodName: string;
}

/** Severity order, most severe first (a query's `level` returns that level and more severe ones). */
export const LOG_LEVELS = ["SEVERE", "WARNING", "INFO", "FINE", "VERBOSE", "DEBUG"] as const;

const SOURCES = ["Server", "Admin", "ahps_gauges.MapServer", "SanFrancisco/311Incidents.MapServer", "Boundaries/Districts.MapServer"];

/** 2,400 deterministic entries, one per second, ending 2026-01-01T00:00:00Z; newest first. */
export function createLogStore(seed: number, count = 2400): AdminLogEntry[] {
  const end = Date.UTC(2026, 0, 1);
  const logs: AdminLogEntry[] = [];
  for (let i = 0; i < count; i++) {
    const n = (i * 7919 + seed * 104729) >>> 0;
    const type = n % 17 === 0 ? "SEVERE" : n % 5 === 0 ? "WARNING" : n % 2 === 0 ? "INFO" : "FINE";
    logs.push({
      type,
      message: `Sample log message ${i + 1} (${type.toLowerCase()}).`,
      time: end - i * 1000,
      source: SOURCES[n % SOURCES.length],
      machine: "SAMPLEMACHINE.LOCAL",
      user: "",
      code: 7000 + (n % 1000),
      elapsed: "",
      process: String(4000 + (n % 8)),
      thread: String(1 + (n % 30)),
      methodName: "",
    });
  }
  return logs;
}
