// `node build-vite.mjs <entry> <outDir>`: a Vite app build, through its Node API. Prints
// { warnings, eager, lazy } as JSON: what Vite warned about, the chunks loaded with the entry,
// and those behind a dynamic import().
import { build, createLogger } from 'vite';

const [entry, outDir] = process.argv.slice(2);
const warnings = [];
const logger = createLogger('warn');
logger.warn = (message) => warnings.push(message);
logger.warnOnce = logger.warn;

const result = await build({
  configFile: false,
  logLevel: 'warn',
  customLogger: logger,
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: {
      input: entry,
      onwarn: (warning) => warnings.push(String(warning.message)),
    },
  },
});
const chunks = [result]
  .flat()
  .flatMap((output) => output.output)
  .filter((file) => file.type === 'chunk');
const eager = new Set();
const visit = (fileName) => {
  if (eager.has(fileName)) return;
  eager.add(fileName);
  for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) {
    visit(imported);
  }
};
for (const chunk of chunks.filter((chunk) => chunk.isEntry)) visit(chunk.fileName);
const lazy = chunks.map((chunk) => chunk.fileName).filter((fileName) => !eager.has(fileName));
console.log(JSON.stringify({ warnings, eager: [...eager], lazy }));
