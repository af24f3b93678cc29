// The same app written with require: bundlers then resolve the package's CommonJS build.
const { Callab } = require('callab-client');

new Callab({ apiKey: 'browser-demo-key', dangerouslyAllowBrowser: true }).phoneNumbers
  .list()
  .then((numbers) => console.log(numbers.length));
