import {
  isChildPath,
  type UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  ANNOTATION_LOCATION,
  Entity,
  parseLocationRef,
} from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  ANNOTATION_OPENSLO,
  parseOpenSlo,
  SloDefinition,
  SloProblem,
} from '@baton/plugin-sre-common';
import fs from 'fs/promises';
import path from 'path';
import { parseAllDocuments } from 'yaml';

const problem = (
  file: string,
  code: SloProblem['code'],
  params: Record<string, string | number>,
  reason: string,
): SloProblem => ({
  file,
  field: '',
  code,
  params,
  message: `${file}: ${reason}`,
});

const ABSOLUTE_URL = /^https?:\/\//i;
const LEAVES_LOCATION =
  "the path leads out of the folder of the entity's catalog file; name a file in it or below it, or a URL";

/**
 * A relative OpenSLO path, normalised, that stays in the folder of the
 * entity's catalog file; an Error naming what is wrong otherwise.
 */
function checkRelativePath(file: string): string {
  if (/\p{Cc}/u.test(file)) {
    throw new Error('the path holds a control character');
  }
  if (file.includes('\\')) {
    throw new Error('backslashes are not allowed in a path; use /');
  }
  // A reader that decodes them would see `..` or `/` where this check saw none.
  if (/%(2e|2f|5c|25)/i.test(file)) {
    throw new Error(
      'percent-encoded dots, slashes and backslashes (%2e, %2f, %5c, %25) are not allowed in a path',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(file)) {
    throw new Error('only http(s) URLs and relative paths are read');
  }
  if (path.posix.isAbsolute(file)) {
    throw new Error(
      'absolute paths are not read; use a path relative to catalog-info.yaml or a URL',
    );
  }
  const normalised = path.posix.normalize(file);
  if (normalised === '..' || normalised.startsWith('../')) {
    throw new Error(LEAVES_LOCATION);
  }
  return normalised;
}

/**
 * Reads the OpenSLO files an entity names in `baton.dev/openslo`
 * (comma-separated paths or URLs). A relative path is relative to the
 * entity's catalog file: through the UrlReader for catalog files read from a
 * URL, from disk for catalog files registered as `file:` locations. It never
 * leads out of that file's folder (no `..` above it, no absolute path, no
 * encoded dots or slashes, no backslashes); a URL is read only where the
 * UrlReader reads (the integrations).
 */
export class SloDefinitionReader {
  constructor(
    private readonly options: {
      urlReader: UrlReaderService;
      integrations: ScmIntegrationRegistry;
    },
  ) {}

  async read(
    entity: Entity,
  ): Promise<{ definitions: SloDefinition[]; problems: SloProblem[] }> {
    const entries = (entity.metadata.annotations?.[ANNOTATION_OPENSLO] ?? '')
      .split(',')
      .map(entry => entry.trim())
      .filter(Boolean);
    const definitions: SloDefinition[] = [];
    const problems: SloProblem[] = [];
    for (const file of entries) {
      let text: string;
      try {
        text = await this.#readText(entity, file);
      } catch (error) {
        problems.push(
          problem(
            file,
            'unreadable',
            { reason: (error as Error).message },
            `cannot be read: ${(error as Error).message}`,
          ),
        );
        continue;
      }
      const documents = parseAllDocuments(text, { prettyErrors: false });
      const yamlError = [documents]
        .flat()
        .flatMap(doc => ('errors' in doc ? doc.errors : []))[0];
      if (yamlError) {
        const line = yamlError.linePos?.[0]?.line ?? 0;
        problems.push(
          problem(
            file,
            'yaml',
            { line, reason: yamlError.message },
            `is not valid YAML (line ${line}): ${yamlError.message}`,
          ),
        );
        continue;
      }
      const parsed = parseOpenSlo(
        [documents].flat().map(doc => doc.toJS()),
        file,
      );
      for (const definition of parsed.definitions) {
        if (definitions.some(other => other.name === definition.name)) {
          problems.push({
            file,
            slo: definition.name,
            field: 'metadata.name',
            code: 'duplicate',
            params: { field: 'metadata.name', value: definition.name },
            message: `${file}: metadata.name: another file of this entity also declares '${definition.name}'`,
          });
        } else {
          definitions.push(definition);
        }
      }
      problems.push(...parsed.problems);
    }
    return { definitions, problems };
  }

  async #readText(entity: Entity, file: string): Promise<string> {
    if (ABSOLUTE_URL.test(file)) {
      // The UrlReader only reads hosts of the integrations (and the reading allow list).
      return (
        await (await this.options.urlReader.readUrl(file)).buffer()
      ).toString('utf8');
    }
    const relative = checkRelativePath(file);
    const managedBy = entity.metadata.annotations?.[ANNOTATION_LOCATION];
    const location = managedBy ? parseLocationRef(managedBy) : undefined;
    if (location?.type === 'url') {
      const url = this.options.integrations.resolveUrl({
        url: relative,
        base: location.target,
      });
      if (new URL(url).origin !== new URL(location.target).origin) {
        throw new Error(LEAVES_LOCATION);
      }
      return (
        await (await this.options.urlReader.readUrl(url)).buffer()
      ).toString('utf8');
    }
    if (location?.type === 'file') {
      const folder = path.dirname(location.target);
      const target = path.resolve(folder, relative);
      // Real paths: a symbolic link does not lead out of the folder either.
      if (!isChildPath(folder, target)) throw new Error(LEAVES_LOCATION);
      try {
        return await fs.readFile(target, 'utf8');
      } catch (error) {
        throw new Error(
          (error as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file next to the catalog file'
            : (error as Error).message,
        );
      }
    }
    throw new Error(
      `a relative path needs the entity's ${ANNOTATION_LOCATION} to be a url or file location`,
    );
  }
}
