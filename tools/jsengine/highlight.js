// highlight.js 11 (core plus the languages study rooms use) for a QJSEngine. esbuild makes it one
// IIFE that leaves a global `StudyHighlight`; StudyHighlight.tokens(code, language) returns a JSON
// array of [start, length, scope] in UTF-16 code units of `code`, so the C++ side formats the
// text itself and never parses HTML.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import c from 'highlight.js/lib/languages/c';
import cpp from 'highlight.js/lib/languages/cpp';
import csharp from 'highlight.js/lib/languages/csharp';
import java from 'highlight.js/lib/languages/java';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';

const languages = {bash, c, cpp, csharp, java, javascript, json, python, sql, typescript, xml};
for (const [name, definition] of Object.entries(languages))
  hljs.registerLanguage(name, definition);

// Walks highlight.js's token tree (strings are text, nodes carry a scope such as "keyword" or
// "title.function") and flattens it to ranges; a nested range comes after its parent.
function flatten(node, out, position) {
  for (const child of node.children) {
    if (typeof child === 'string') {
      position += child.length;
      continue;
    }
    const start = position;
    const index = out.length;
    if (child.scope)
      out.push([start, 0, child.scope]);
    position = flatten(child, out, position);
    if (child.scope)
      out[index][1] = position - start;
  }
  return position;
}

// language: a name or alias highlight.js knows ("py", "c++", "js"...); empty means guess among
// the bundled languages. Returns {language, tokens} as JSON; an unknown language gives no tokens.
function tokens(code, language) {
  code = String(code);
  let result;
  if (language) {
    const definition = hljs.getLanguage(language);
    if (!definition)
      return JSON.stringify({language: '', tokens: []});
    // The registered name for an alias ("python" for "py").
    language = hljs.listLanguages().find((name) => hljs.getLanguage(name) === definition);
    result = hljs.highlight(code, {language, ignoreIllegals: true});
  } else {
    result = hljs.highlightAuto(code);
  }
  const out = [];
  flatten(result._emitter.rootNode, out, 0);
  return JSON.stringify({language: result.language || '', tokens: out});
}

function languageNames() {
  return hljs.listLanguages();
}

export {tokens, languageNames};
