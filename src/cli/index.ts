/** The `callab` executable (dist/cli/index.cjs). */
import { main } from './main';

main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  // exitCode rather than exit(): pending stdout writes still get flushed.
  process.exitCode = code;
});
