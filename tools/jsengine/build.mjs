// Bundles one entry file into a single IIFE script for QJSEngine:
//   node build.mjs <entry.js> <GlobalName> <output.js>
// The output declares `var GlobalName` at top level and needs no module loader, no DOM and no
// Node API. Called by the CMake build (src/math/CMakeLists.txt).
import {build} from 'esbuild';
import {readFileSync} from 'node:fs';

// Source edits for what V4 (Qt 6.4) parses differently from the standard. Each must still match
// the pinned package, otherwise the build stops: a new version needs a new look.
const qjsEdits = [
  {
    // `{__proto__: null, ...}` sets the prototype in ES2015; V4 makes it an own property whose
    // value is null, and highlight.js's deepFreeze then fails on it.
    file: /highlight\.js[\\/]lib[\\/]core\.js$/,
    from: '__proto__: null,',
    to: '',
  },
  // V4's regular expressions have no Unicode property escapes (\p{...} matches "p{...}") and
  // mishandle these grammars in Unicode mode (a Python parameter list never ended): spell the
  // letters as ranges and compile without the u flag.
  {
    file: /highlight\.js[\\/](?:lib|es)[\\/]languages[\\/]python\.js$/,
    from: '/[\\p{XID_Start}_]\\p{XID_Continue}*/u',
    to: '/[A-Za-z_\\u00C0-\\uFFFF][\\w\\u00C0-\\uFFFF]*/',
  },
  {
    file: /highlight\.js[\\/](?:lib|es)[\\/]languages[\\/](?:python|xml)\.js$/,
    from: 'unicodeRegex: true,',
    to: '',
  },
  {
    file: /highlight\.js[\\/](?:lib|es)[\\/]languages[\\/]xml\.js$/,
    from: /\\p\{L\}/g,
    to: 'A-Za-z\\u00C0-\\uFFFF',
  },
  {
    file: /highlight\.js[\\/](?:lib|es)[\\/]languages[\\/]xml\.js$/,
    from: /(\/\[A-Za-z[^/]*\/)u/g,
    to: '$1',
  },
];

const qjsCompat = {
  name: 'qjs-compat',
  setup(build) {
    build.onLoad({filter: /\.js$/}, (args) => {
      const edits = qjsEdits.filter((edit) => edit.file.test(args.path));
      if (edits.length === 0)
        return undefined;
      let contents = readFileSync(args.path, 'utf8');
      for (const edit of edits) {
        const edited = contents.replace(edit.from, edit.to);
        if (edited === contents)
          throw new Error(`qjs-compat: ${edit.from} not found in ${args.path}`);
        contents = edited;
      }
      return {contents, loader: 'js'};
    });
  },
};

const [entry, globalName, outfile] = process.argv.slice(2);
if (!entry || !globalName || !outfile) {
  console.error('usage: node build.mjs <entry.js> <GlobalName> <output.js>');
  process.exit(2);
}

await build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  format: 'iife',
  globalName,
  // QJSEngine (Qt 6.4) implements ES2016 and parts of later editions: lower everything newer.
  target: 'es2016',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [qjsCompat],
});
