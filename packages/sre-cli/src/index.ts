import { createProgram } from './program';

createProgram()
  .parseAsync(process.argv)
  .catch(error => {
    process.stderr.write(`baton: ${error.message}\n`);
    process.exit(1);
  });
