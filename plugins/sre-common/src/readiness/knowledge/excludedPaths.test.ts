import { KnowledgeFileFilter } from './excludedPaths';

describe('KnowledgeFileFilter', () => {
  const filter = new KnowledgeFileFilter(['**/generated/**']);

  it.each([
    'node_modules/react/index.js',
    'web/vendor/jquery.js',
    'third_party/zlib/zlib.h',
    'app/dist/main.js',
    'public/app.min.js',
    'yarn.lock',
    'docs/index.md',
    'README.md',
    'LICENSE',
    'pkg/api/types.pb.go',
    'src/generated/client.ts',
    '.yarn/releases/yarn-4.13.0.cjs',
  ])('leaves out %s', path => {
    expect(filter.isExcluded(path)).toBe(true);
  });

  it.each([
    'src/index.ts',
    'plugins/sre/src/alpha.tsx',
    'examples/openslo/checkout.yaml',
    'src/docs-link.ts',
    'config.d.ts',
  ])('counts %s', path => {
    expect(filter.isExcluded(path)).toBe(false);
  });
});
