import type {
  BackupSource,
  SreBackupSourcesExtensionPoint,
} from '@baton/plugin-sre-node';

/** The backup sources that modules registered, by id. */
export class BackupSourceRegistry implements SreBackupSourcesExtensionPoint {
  readonly #sources = new Map<string, BackupSource>();

  addBackupSource(...sources: BackupSource[]): void {
    for (const source of sources) {
      if (this.#sources.has(source.id)) {
        throw new Error(
          `A backup source with id '${source.id}' is already registered`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  list(): BackupSource[] {
    return [...this.#sources.values()];
  }
}
