import { KnowledgeFileFilter } from './excludedPaths';
import { loadLinguistRules } from './linguistRules';
import { parseAliasFile } from './aliasFile';

describe('KnowledgeFileFilter (GitHub Linguist classification)', () => {
  const filter = new KnowledgeFileFilter(loadLinguistRules(), [
    '**/generated/**',
  ]);

  it.each([
    'node_modules/react/index.js',
    'web/vendor/jquery.js',
    'public/app.min.js',
    'yarn.lock',
    'package.json',
    'config/app.yaml',
    'docs/index.rb',
    'README.md',
    'guide.md',
    'notes.txt',
    'LICENSE',
    'logo.png',
    'data.xyz',
    'Form1.designer.cs',
    'src/generated/client.ts',
    '.travis.yml',
  ])('leaves out %s', path => {
    expect(filter.isExcluded(path)).toBe(true);
  });

  it.each([
    'src/index.ts',
    'plugins/sre/src/alpha.tsx',
    'include/api.h',
    'lib/tool.rb',
    'Gemfile',
    'web/index.html',
    'web/style.css',
    'src/docs-link.ts',
  ])('counts %s', path => {
    expect(filter.isExcluded(path)).toBe(false);
  });

  it('reads the content only where the name cannot decide', () => {
    expect(filter.needsContent('include/api.h')).toBe(false);
    expect(filter.needsContent('src/index.ts')).toBe(true);
    expect(filter.needsContent('bin/rails')).toBe(true);
    expect(filter.needsContent('logo.png')).toBe(false);
  });

  it('decides ambiguous files by shebang and heuristics.yml', () => {
    expect(filter.isExcluded('bin/rails', '#!/usr/bin/env ruby\n')).toBe(false);
    expect(filter.isExcluded('bin/rails', 'plain text\n')).toBe(true);
    expect(filter.isExcluded('i18n/de.ts', '<?xml version="1.0"?>\n<TS>')).toBe(
      true,
    );
    expect(filter.isExcluded('src/a.ts', 'export const a = 1;\n')).toBe(false);
    expect(filter.isExcluded('gcc/i386.md', '(define_insn "x"\n')).toBe(false);
    expect(filter.isExcluded('gcc/notes.md', '# Notes\n')).toBe(true);
  });
});

describe('parseAliasFile', () => {
  it("reads the tool's repository;name;alias lines for one repository", () => {
    const text = [
      '#REPOSITORY;NAME;ALIAS',
      'rails/rails;maximerety;Maxime RETY',
      'mrdoob/three.js;Dustbin;dustbin',
      'rails/rails;Matt Bauer;mattbauer',
      '',
    ].join('\n');
    expect(parseAliasFile(text, 'rails')).toEqual([
      ['maximerety', 'Maxime RETY'],
      ['Matt Bauer', 'mattbauer'],
    ]);
    expect(parseAliasFile(text, 'rails/rails')).toHaveLength(2);
    expect(parseAliasFile(text, 'three.js')).toEqual([['Dustbin', 'dustbin']]);
    expect(parseAliasFile(text, 'linux')).toEqual([]);
  });
});
