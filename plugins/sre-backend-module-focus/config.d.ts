export interface Config {
  sre?: {
    /** FinOps FOCUS cost files; without paths only uploads (`POST /costs/import?format=focus`) are read. */
    focus?: {
      /**
       * FOCUS 1.x files (CSV or gzip-compressed CSV), or folders whose
       * `*.csv` and `*.csv.gz` files are read (not subfolders). Relative
       * paths resolve from the backend's working directory.
       */
      paths?: string[];
      /** The cost source id stored with the rows read from these paths; defaults to `focus`. */
      sourceId?: string;
    };
  };
}
