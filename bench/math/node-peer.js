'use strict';

// The peer of bench_math: the same MathJax bundle the app runs in QJSEngine (built by the CMake
// build into <build>/src/math/jsengine/math.js), run by Node's V8 on the same formulas, in the
// same run. It prints load time and the median time per formula (TeX to SVG string; the app
// also draws the SVG, about 1 ms), so PERFORMANCE.md can give QJSEngine's time as a ratio.
//
//   node bench/math/node-peer.js build/release/src/math/jsengine/math.js

const fs = require('node:fs');
const vm = require('node:vm');

const bundlePath = process.argv[2];
if (!bundlePath || !fs.existsSync(bundlePath)) {
  console.error('usage: node bench/math/node-peer.js <build>/src/math/jsengine/math.js');
  process.exit(1);
}

// bench_math.cpp's formulas, in its order.
const formulas = [
  String.raw`\int_0^\pi \sin x\,dx = 2`,
  String.raw`\sum_{k=1}^{n} k = \frac{n(n+1)}{2}`,
  String.raw`e^{i\pi} + 1 = 0`,
  String.raw`\lim_{x \to 0} \frac{\sin x}{x} = 1`,
  String.raw`\begin{pmatrix} a & b \\ c & d \end{pmatrix}^{-1} = \frac{1}{ad-bc}\begin{pmatrix} d & -b \\ -c & a \end{pmatrix}`,
  String.raw`f(x) = \sum_{n=0}^\infty \frac{f^{(n)}(a)}{n!}(x-a)^n`,
  String.raw`\nabla \cdot \mathbf{E} = \frac{\rho}{\varepsilon_0}`,
  String.raw`P(A \mid B) = \frac{P(B \mid A)\,P(A)}{P(B)}`,
  String.raw`x = \frac{-b \pm \sqrt{b^2 - 4ac}}{2a}`,
  String.raw`\ce{2H2 + O2 -> 2H2O}`,
];

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// A fresh context, as the app's engine: no Node globals reach the bundle.
const loadStart = process.hrtime.bigint();
const context = vm.createContext({});
vm.runInContext(fs.readFileSync(bundlePath, 'utf8'), context, { filename: 'math.js' });
const texToSvg = vm.runInContext('StudyMath.texToSvg', context);
texToSvg('x', false);
console.log(`node-peer: engine load + first formula ${ms(loadStart).toFixed(1)} ms`);

for (const display of [false, true]) {
  const times = formulas.map((tex) => {
    const start = process.hrtime.bigint();
    texToSvg(tex, display);
    return ms(start);
  });
  console.log(`node-peer: formula, first time (${display ? 'display' : 'inline'}, ${formulas.length} formulas): median ${median(times).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`);
}
