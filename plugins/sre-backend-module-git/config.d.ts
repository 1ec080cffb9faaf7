import type { HumanDuration } from '@backstage/types';

export interface Config {
  sre?: {
    knowledge?: {
      /** The git knowledge source. */
      git?: {
        /** Folder of the bare partial clones of remote repositories; defaults to the OS temp folder. */
        cacheDir?: string;
        /** Clone and fetch remote repositories (default true); the demo turns it off. */
        remote?: boolean;
        /**
         * Folders whose repositories may be read in place (absolute paths named
         * by entities, relative ones next to their catalog file, and `file:` URLs);
         * relative roots are relative to the backend's working folder. None by
         * default: without a root, no local repository is read. Remote
         * repositories are only cloned from the hosts of `integrations`.
         */
        localRoots?: string[];
        /**
         * How long one git process (clone, fetch, log) may run before it is
         * stopped; default 10 minutes. An object such as `{ minutes: 10 }` or
         * an ISO 8601 duration.
         */
        timeout?: HumanDuration | string;
      };
    };
  };
}
