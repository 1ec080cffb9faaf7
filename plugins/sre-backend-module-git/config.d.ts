export interface Config {
  sre?: {
    knowledge?: {
      /** The git knowledge source. */
      git?: {
        /** Folder of the bare partial clones of remote repositories; defaults to the OS temp folder. */
        cacheDir?: string;
        /** Clone and fetch remote repositories (default true); the demo turns it off. */
        remote?: boolean;
      };
    };
  };
}
