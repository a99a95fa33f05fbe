// MathJax 3, TeX in and SVG out, for a QJSEngine: no DOM (liteAdaptor), no Node APIs, no file
// or network loads (every TeX package is bundled, nothing is autoloaded). esbuild makes it one
// IIFE that leaves a global `StudyMath`; the C++ side calls StudyMath.texToSvg(tex, display).
import {mathjax} from 'mathjax-full/js/mathjax.js';
import {TeX} from 'mathjax-full/js/input/tex.js';
import {SVG} from 'mathjax-full/js/output/svg.js';
import {liteAdaptor} from 'mathjax-full/js/adaptors/liteAdaptor.js';
import {RegisterHTMLHandler} from 'mathjax-full/js/handlers/html.js';
import {options as entityOptions} from 'mathjax-full/js/util/Entities.js';
import {MapHandler} from 'mathjax-full/js/input/tex/MapHandler.js';
import NewcommandUtil from 'mathjax-full/js/input/tex/newcommand/NewcommandUtil.js';
import 'mathjax-full/js/util/entities/all.js';

import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import 'mathjax-full/js/input/tex/braket/BraketConfiguration.js';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration.js';
import 'mathjax-full/js/input/tex/cases/CasesConfiguration.js';
import 'mathjax-full/js/input/tex/color/ColorConfiguration.js';
import 'mathjax-full/js/input/tex/gensymb/GensymbConfiguration.js';
import 'mathjax-full/js/input/tex/mhchem/MhchemConfiguration.js';
import 'mathjax-full/js/input/tex/textmacros/TextMacrosConfiguration.js';
import 'mathjax-full/js/input/tex/upgreek/UpgreekConfiguration.js';

// Entities are all bundled above; never try to load a missing one.
entityOptions.loadMissingEntities = false;

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

const tex = new TeX({
  packages: ['base', 'ams', 'newcommand', 'boldsymbol', 'braket', 'cancel', 'cases', 'color',
             'gensymb', 'mhchem', 'textmacros', 'upgreek'],
  // A TeX error is thrown to the caller (which shows the source) instead of being drawn.
  formatError: (jax, err) => { throw err; },
  // MathJax's own guards stay on; the C++ time limit is the guard of last resort.
  maxMacros: 10000,
  maxBuffer: 5 * 1024,
});
const svg = new SVG({fontCache: 'none'});

// What \def, \newcommand, \renewcommand, \let and \newenvironment define lives in these maps
// for the life of the engine. Emptied before each formula, so that one message's definitions
// (\renewcommand{\frac}{}) never change how another message is drawn.
const userDefinitions = [NewcommandUtil.NEW_COMMAND, NewcommandUtil.NEW_ENVIRONMENT,
                         NewcommandUtil.NEW_DELIMITER].map((name) => MapHandler.getMap(name));
const html = mathjax.document('', {InputJax: tex, OutputJax: svg});

// Returns the <svg> element of one formula as a string. Its width, height and vertical-align
// are in ex; its colour is currentColor.
// A TeX error is thrown as an Error whose message says what is wrong ("Missing close brace").
function texToSvg(source, display) {
  for (const definitions of userDefinitions)
    definitions.map.clear();
  tex.parseOptions.tags.reset();
  try {
    const node = html.convert(String(source), {display: !!display});
    return adaptor.innerHTML(node);
  } catch (err) {
    // MathJax's TexError is not an Error, and QJSEngine only reports Error objects as errors.
    if (err instanceof Error)
      throw err;
    throw new Error(err && err.message ? String(err.message) : String(err));
  }
}

export {texToSvg};
