import type {
  ChangeSource,
  SreChangeSourcesExtensionPoint,
} from '@baton/plugin-sre-node';
import { RECORD_SOURCE_IDS } from './ChangeService';

/** The change sources that modules registered, by id. */
export class ChangeSourceRegistry implements SreChangeSourcesExtensionPoint {
  readonly #sources = new Map<string, ChangeSource>();

  addChangeSource(...sources: ChangeSource[]): void {
    for (const source of sources) {
      // Those ids are the routes' own: a pull could otherwise replace what they recorded.
      if (RECORD_SOURCE_IDS.includes(source.id)) {
        throw new Error(
          `A change source may not use the id '${
            source.id
          }'; ${RECORD_SOURCE_IDS.join(', ')} are the API's own`,
        );
      }
      if (this.#sources.has(source.id)) {
        throw new Error(
          `A change source with id '${source.id}' is already registered`,
        );
      }
      this.#sources.set(source.id, source);
    }
  }

  list(): ChangeSource[] {
    return [...this.#sources.values()];
  }
}
