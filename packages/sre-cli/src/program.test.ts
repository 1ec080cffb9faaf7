import { execFileSync } from 'child_process';
import path from 'path';
import { createProgram } from './program';

describe('baton command line', () => {
  it('names itself and describes what it is for', () => {
    const help = createProgram().helpInformation();
    expect(help).toMatch(/^Usage: baton /);
    expect(help).toContain('reliability facts');
  });

  it('lists its commands', () => {
    const help = createProgram().helpInformation();
    expect(help).toContain('truck-factor');
    expect(help).toContain('import-costs');
    expect(help).toContain('record-change');
  });

  it('answers --help from its bin', () => {
    const bin = path.resolve(__dirname, '../bin/baton');
    const output = execFileSync(process.execPath, [bin, '--help'], {
      encoding: 'utf8',
    });
    expect(output).toContain('Usage: baton');
    expect(output).toContain('--version');
  });
});
