/**
 * The embedded database's postgresql.conf. PGlite's initdb keeps PostgreSQL's 128 MB of shared
 * buffers, all inside its WebAssembly memory, touched at start and never given back: most of the
 * process's resident memory. Its data files are ordinary files, so pages outside the buffers are
 * still read from the system's file cache. 32 MB holds a Département's listings and indexes
 * (about 30 MB at 10,000 listings) and brings the idle process from about 410 MB to about 300 MB.
 * PGlite writes these lines as the whole file at each start, so the settings initdb had written
 * there are repeated, unchanged (a test reads them back).
 */
export const PGLITE_SETTINGS = [
  "shared_buffers = '32MB'",
  "wal_buffers = '1MB'",
  'max_connections = 100',
  "datestyle = 'iso, mdy'",
  "timezone = 'UTC'",
  "log_timezone = 'UTC'",
  "lc_messages = 'C'",
  "lc_monetary = 'C'",
  "lc_numeric = 'C'",
  "lc_time = 'C'",
  "default_text_search_config = 'pg_catalog.english'",
  "max_wal_size = '1GB'",
  "min_wal_size = '80MB'",
]

/**
 * How much a WebAssembly function runs before V8 compiles it a second time, optimised (V8's
 * default is 1,800,000). PostgreSQL's start (recovery, the catalogue, the migrations check) runs
 * a great many functions just enough to pass the default, and their optimised code stayed in
 * memory afterwards: about 50 MB of the idle process. A hundred times the default keeps that for
 * the functions queries run all the time. Measured side by side (bench/search.ts, 10,000
 * listings, PGlite) the median search took as long, the slowest of a short run up to a quarter
 * longer; docs/ARCHITECTURE.md « Memory » has the figures.
 * V8's flags hold for the whole process: the solver's WebAssembly gets the same budget.
 */
export const WASM_TIERING_BUDGET = 180_000_000
