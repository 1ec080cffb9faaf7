export interface Config {
  sre?: {
    /** FinOps FOCUS cost files; without paths only uploads (`POST /costs/import?format=focus`) are read. */
    focus?: {
      /**
       * FOCUS 1.0-1.2 files (CSV, gzip-compressed CSV or Parquet, told
       * apart by content), or folders whose `*.csv`, `*.csv.gz` and
       * `*.parquet` files are read (not subfolders), all as one batch.
       * Relative paths resolve from the backend's working directory.
       */
      paths?: string[];
      /** The cost source id stored with the rows read from these paths; defaults to `focus`. */
      sourceId?: string;
    };
  };
}
