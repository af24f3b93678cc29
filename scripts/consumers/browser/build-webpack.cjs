// `node build-webpack.cjs <entry> <outDir>`: a webpack 5 production build for the browser,
// through its Node API. Prints { warnings, eager, lazy } as JSON (see build-vite.mjs); exits 1
// with webpack's errors when the build fails.
const { resolve } = require('node:path');
const webpack = require('webpack');

const [entry, outDir] = process.argv.slice(2);
const compiler = webpack({
  mode: 'production',
  target: 'web',
  context: process.cwd(),
  entry: { main: resolve(entry) },
  output: { path: resolve(outDir), filename: '[name].js', clean: true },
});
compiler.run((fatal, stats) => {
  if (fatal) throw fatal;
  const info = stats.toJson({
    all: false,
    errors: true,
    warnings: true,
    entrypoints: true,
    assets: true,
  });
  compiler.close(() => {});
  if (info.errors.length > 0) {
    console.error(info.errors.map((error) => error.message).join('\n'));
    process.exitCode = 1;
    return;
  }
  const eager = info.entrypoints.main.assets.map((asset) => asset.name);
  const lazy = info.assets
    .map((asset) => asset.name)
    .filter((name) => name.endsWith('.js') && !eager.includes(name));
  console.log(
    JSON.stringify({ warnings: info.warnings.map((warning) => warning.message), eager, lazy }),
  );
});
