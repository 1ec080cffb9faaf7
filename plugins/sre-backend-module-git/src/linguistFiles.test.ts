import { TestRepo } from './__testUtils__/TestRepo';
import { computeTruckFactor, listCountedFiles } from './truckFactor';

const alice = ['Alice Example', 'alice@shop.example'] as const;

describe('the files GitHub Linguist counts', () => {
  const repo = new TestRepo();
  afterAll(() => repo.remove());

  beforeAll(() => {
    repo.commit(alice, {
      // programming
      'src/app.ts': 'export const app = 1;\n',
      'lib/tool.rb': 'puts "tool"\n',
      Makefile: 'all:\n\techo all\n',
      // markup
      'web/index.html': '<!doctype html><p>hi</p>\n',
      'web/style.css': 'p { color: red; }\n',
      // data
      'config.json': '{"a": 1}\n',
      'deploy.yaml': 'replicas: 2\n',
      'web/icon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
      // prose
      'guide.md': '# Guide\n\nRead me.\n',
      'notes.txt': 'some notes\n',
      // image, unknown extension, empty file
      'web/logo.png': '\x89PNG\r\n\x1a\n\0\0\0binary',
      'data.xyz': 'x y z\n',
      'src/empty.rb': '',
      // ambiguous extensions: .h is C, C++ or Objective-C (all programming);
      // .ts is TypeScript or, for Qt translations, XML (data).
      'include/api.h': '#include <stdio.h>\nint api(void);\n',
      'i18n/app_de.ts':
        '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="de">\n</TS>\n',
      // no extension: a shebang names the language, or nothing does
      'bin/run': '#!/usr/bin/env ruby\nputs "run"\n',
      'bin/data': 'not a script\n',
      // vendored, documentation, minified, generated
      'node_modules/left-pad/index.js': 'module.exports = 1;\n',
      'vendor/lib.js': 'var lib = 1;\n',
      'docs/api.rb': 'puts "doc"\n',
      'README.md': '# Readme\n',
      'public/app.min.js': 'var a=1;\n',
      'src/__generated__/schema.ts': 'export type A = 1;\n',
      'Form1.designer.cs': 'class Form1 {}\n',
    });
  });

  // What Linguist counts: programming and markup, nothing vendored, generated or documentation.
  const counted = [
    'Makefile',
    'bin/run',
    'include/api.h',
    'lib/tool.rb',
    'src/app.ts',
    'web/index.html',
    'web/style.css',
  ];

  it('counts exactly the programming and markup files that are not vendored, documentation or generated', async () => {
    const files = await listCountedFiles({ repository: repo.dir });
    expect(files.sort()).toEqual(counted);
    const result = await computeTruckFactor({ repository: repo.dir });
    expect(result.fileCount).toBe(counted.length);
  });

  it('leaves out further globs', async () => {
    const files = await listCountedFiles({ repository: repo.dir }, ['web/**']);
    expect(files.sort()).toEqual(counted.filter(f => !f.startsWith('web/')));
  });
});

describe('classic mode against the default mode', () => {
  const repo = new TestRepo();
  afterAll(() => repo.remove());
  const names = (result: Awaited<ReturnType<typeof computeTruckFactor>>) =>
    result.people.map(p => [p.name, p.files]);

  beforeAll(() => {
    repo.commit(alice, {
      '.mailmap': 'Alice Example <alice@shop.example> <al@old.example>\n',
      'a.ts': 'a\n',
      'b.ts': 'b\n',
    });
    repo.commit(['Al Old', 'al@old.example'], { 'c.ts': 'c\n', 'd.ts': 'd\n' });
    // The same name in other letter case and another e-mail: one person in both modes.
    repo.commit(['alice example', 'alice@home.example'], { 'a.ts': 'a2\n' });
    repo.commit(alice, { 'b.ts': 'b2\n' });
  });

  it('applies .mailmap by default', async () => {
    const result = await computeTruckFactor({ repository: repo.dir });
    expect(names(result)).toEqual([['Alice Example', 4]]);
    expect(result.truckFactor).toBe(1);
  });

  it('ignores .mailmap in classic mode and merges names case-insensitively', async () => {
    const result = await computeTruckFactor({
      repository: repo.dir,
      classic: true,
    });
    expect(names(result)).toEqual([
      ['Al Old', 2],
      ['Alice Example', 2],
    ]);
    expect(result.people[1].emails).toEqual([
      'alice@home.example',
      'alice@shop.example',
    ]);
    expect(result.truckFactor).toBe(2);
  });

  it('merges the aliases it is given in classic mode', async () => {
    const result = await computeTruckFactor({
      repository: repo.dir,
      classic: true,
      aliases: [['AL OLD', 'alice example']],
    });
    expect(result.people).toHaveLength(1);
    expect(result.people[0].files).toBe(4);
    expect(result.truckFactor).toBe(1);
  });
});
