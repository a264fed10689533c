/**
 * Tells a database that is away for a moment (restarted, failed over, out of connections,
 * closed while the app stops) from a query that is wrong. The first is a 503 the device retries;
 * the second stays a 500 and a bug to fix.
 */

// SQLSTATE classes and codes that mean "the server cannot serve now", not "this query is wrong".
const TRANSIENT_SQLSTATES = new Set([
  '57P01', // admin_shutdown: pg_terminate_backend, a fast restart
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up, in recovery
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '40001', // serialization_failure: retry
  '40P01', // deadlock_detected: retry
  '25006', // read_only_sql_transaction: a standby after a failover, until the new primary is found
])

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
])

// node-postgres and PGlite say these in words only.
const MESSAGES = [
  /connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /connection timeout/i,
  /not queryable/i,
  /cannot use a pool after calling end/i,
  /the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)/i,
  /pglite is closed/i,
  /driver has already been destroyed/i,
]

/** True when `error` says the database cannot be reached or is going away, right now. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
  const code = typeof e.code === 'string' ? e.code : ''
  if (TRANSIENT_SQLSTATES.has(code) || code.startsWith('08') || NETWORK_CODES.has(code)) return true
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true
  // Connecting to "localhost" tries ::1 and 127.0.0.1: Node reports both at once.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true
  return isDatabaseUnavailable(e.cause, depth + 1)
}

/** Seconds a device should wait before trying again while the database is away. */
export const UNAVAILABLE_RETRY_AFTER_S = 5
