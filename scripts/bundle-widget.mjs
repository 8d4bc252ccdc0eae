// bundle-widget.mjs: makes the widget's ES modules one file, without their
// comments and indentation, for scripts/build-web.
//
//   node scripts/bundle-widget.mjs <entry module> <output file>
//
// Why: the page loaded 25 small modules, each found only when the one
// importing it had arrived (three round trips deep), and their comments were
// half of their gzip size. One file is one request and gzips as a whole
// (issue #3: 31 KiB of gzip for the modules, 15 KiB as one file).
//
// It understands the module syntax this project writes and refuses anything
// else with a clear message (so a new construct cannot be bundled wrongly):
//   import { a, b as c } from './relative.js';      (at a statement's start)
//   export function | async function | class | const   (declarations)
//   import('node:…')   (a dynamic import of a non-relative name stays as it is)
// Each module becomes a function scope that returns its exports, in
// dependency order (no cycles), so module-private names never collide.
// import.meta is allowed only in modules in the entry's own folder, since
// the bundle is written there and import.meta.url becomes the bundle's URL.
// The output is checked with `node --check` before it is written.

import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';

function fail(message) {
  console.error(`bundle-widget: ${message}`);
  process.exit(1);
}

// ---- a JavaScript tokenizer just good enough to find comments ----------------

const regex_after_words = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete',
  'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

// Splits `source` into code, strings, template parts, regex literals and
// comments; returns the source without comments, without indentation and
// without blank lines. Line breaks between code stay (automatic semicolon
// insertion depends on them); string and template contents are untouched.
export function strip_comments(source, name) {
  let out = '';
  let i = 0;
  const n = source.length;
  let previous = '';        // the last significant token: a punctuator, or 'word' / 'value'
  let line_start = true;    // only indentation seen on this line of output so far
  const templates = [];     // brace depth at each open `${`
  let depth = 0;

  const emit = (text) => {
    out += text;
    line_start = false;
  };
  const newline = () => {
    if (!line_start) out += '\n';
    line_start = true;
  };
  const read_quoted = (quote) => {  // from the opening quote to the closing one
    let j = i + 1;
    while (j < n && source[j] !== quote) {
      if (source[j] === '\\') j += 1;
      else if (source[j] === '\n') fail(`${name}: a line break inside a ${quote} string`);
      j += 1;
    }
    if (j >= n) fail(`${name}: an unterminated string`);
    return j + 1;
  };
  // A template literal's text from i (just after ` or }) to its end or to `${`.
  const read_template_text = () => {
    let j = i;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') return [j + 1, false];
      else if (source[j] === '$' && source[j + 1] === '{') return [j + 2, true];
      else j += 1;
    }
    return fail(`${name}: an unterminated template literal`);
  };

  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '\n') {
      newline();
      i += 1;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      let j = i;
      while (j < n && (source[j] === ' ' || source[j] === '\t' || source[j] === '\r')) j += 1;
      if (!line_start && j < n && source[j] !== '\n' && !(source[j] === '/' && (source[j + 1] === '/' || source[j + 1] === '*'))) out += ' ';
      i = j;
    } else if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i += 1;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) fail(`${name}: an unterminated comment`);
      if (source.slice(i, end).includes('\n')) newline();
      else if (!line_start) out += ' ';  // a/* */b must not become ab
      i = end + 2;
    } else if (c === '"' || c === "'") {
      const end = read_quoted(c);
      emit(source.slice(i, end));
      i = end;
      previous = 'value';
    } else if (c === '`' || (c === '}' && templates.length && templates[templates.length - 1] === depth)) {
      if (c === '}') templates.pop();
      const start = i;
      i += 1;
      const [end, opens] = read_template_text();
      if (opens) templates.push(depth);
      // Template text is kept exactly, line breaks and indentation included.
      out += source.slice(start, end);
      line_start = false;
      i = end;
      previous = opens ? '(' : 'value';
    } else if (c === '/') {
      const regex = previous === '' || (previous !== 'value' && previous !== 'word' && previous !== ')' && previous !== ']');
      if (!regex) {
        emit(c);
        i += 1;
        previous = '/';
        continue;
      }
      let j = i + 1;
      let in_class = false;
      while (j < n && (in_class || source[j] !== '/')) {
        if (source[j] === '\\') j += 1;
        else if (source[j] === '[') in_class = true;
        else if (source[j] === ']') in_class = false;
        else if (source[j] === '\n') fail(`${name}: a line break inside a regular expression (or a '/' it took for one)`);
        j += 1;
      }
      j += 1;
      while (j < n && /[a-z]/.test(source[j])) j += 1;
      emit(source.slice(i, j));
      i = j;
      previous = 'value';
    } else if (/[A-Za-z0-9_$\u0080-\uffff]/.test(c)) {
      let j = i;
      while (j < n && /[A-Za-z0-9_$.\u0080-\uffff]/.test(source[j])) {
        if (source[j] === '.' && !/[0-9]/.test(source[i])) break;  // a.b: the dot is a punctuator
        j += 1;
      }
      const word = source.slice(i, j);
      emit(word);
      i = j;
      previous = /^[0-9]/.test(word) ? 'value' : (regex_after_words.has(word) ? '(' : 'word');
    } else {
      if (c === '{') depth += 1;
      if (c === '}') depth -= 1;
      emit(c);
      i += 1;
      previous = c === ')' || c === ']' || c === '}' ? (c === '}' ? '}' : c) : c;
    }
  }
  if (templates.length) fail(`${name}: a template literal's \${ is not closed`);
  return out.endsWith('\n') ? out : `${out}\n`;
}

// ---- modules -------------------------------------------------------------------

const import_pattern = /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?[ \t]*$/gm;

function read_module(file, root_dir) {
  const source = readFileSync(file, 'utf8');
  const name = path.relative(root_dir, file);
  const imports = [];
  let body = source.replace(import_pattern, (_whole, names, specifier) => {
    if (!specifier.startsWith('./') && !specifier.startsWith('../')) {
      fail(`${name}: only relative imports can be bundled ('${specifier}')`);
    }
    const bindings = names.split(',').map((s) => s.trim()).filter(Boolean).map((binding) => {
      const match = /^([A-Za-z_$][\w$]*)(?:\s+as\s+([A-Za-z_$][\w$]*))?$/.exec(binding);
      if (!match) fail(`${name}: cannot bundle the import binding '${binding}'`);
      return { imported: match[1], local: match[2] ?? match[1] };
    });
    imports.push({ file: path.resolve(path.dirname(file), specifier), bindings });
    return '';
  });
  for (const [pattern, what] of [[/^\s*import\s/m, 'an import of another form'],
    [/\bimport\s*\(\s*['"`]\.{0,2}\//, 'a dynamic import() of a relative path'],
    [/^\s*export\s+(default|\{|\*|let|var)/m, 'an export of another form']]) {
    if (pattern.test(body)) fail(`${name}: ${what} cannot be bundled`);
  }
  if (/\bimport\.meta\b/.test(body) && path.dirname(file) !== root_dir) {
    fail(`${name}: import.meta would mean the bundle's folder, not this module's`);
  }
  const exports = [];
  body = body.replace(/^export\s+((?:async\s+)?function\*?|class|const)\s+([A-Za-z_$][\w$]*)/gm, (_whole, kind, id) => {
    exports.push(id);
    return `${kind} ${id}`;
  });
  return { file, name, imports, exports, body };
}

export function bundle(entry) {
  const root_dir = path.dirname(path.resolve(entry));
  const modules = new Map();
  const order = [];
  const visit = (file, trail) => {
    if (trail.includes(file)) fail(`an import cycle: ${[...trail, file].map((f) => path.relative(root_dir, f)).join(' → ')}`);
    if (modules.has(file)) return;
    const module = read_module(file, root_dir);
    modules.set(file, module);
    for (const dependency of module.imports) visit(dependency.file, [...trail, file]);
    order.push(module);
  };
  visit(path.resolve(entry), []);

  const ids = new Map(order.map((m, index) => [m.file, `$${index}`]));
  const parts = [`// Bundled by scripts/bundle-widget.mjs from ${order.map((m) => m.name).join(', ')}: edit those files in web/ instead.\n`];
  for (const module of order) {
    const lines = [];
    for (const { file, bindings } of module.imports) {
      const dependency = modules.get(file);
      for (const { imported } of bindings) {
        if (!dependency.exports.includes(imported)) fail(`${module.name}: ${dependency.name} does not export ${imported}`);
      }
      lines.push(`const {${bindings.map((b) => (b.imported === b.local ? b.local : `${b.imported}:${b.local}`)).join(',')}}=${ids.get(file)};\n`);
    }
    const body = strip_comments(module.body, module.name);
    const is_entry = module === order[order.length - 1];
    parts.push(is_entry
      ? `{\n${lines.join('')}${body}}\n`
      : `const ${ids.get(module.file)}=(()=>{\n${lines.join('')}${body}return{${module.exports.join(',')}};\n})();\n`);
  }
  return parts.join('');
}

function main([entry, output]) {
  if (!entry || !output) {
    console.error('usage: node scripts/bundle-widget.mjs <entry module> <output file>');
    process.exit(2);
  }
  const code = bundle(entry);
  const scratch = mkdtempSync(path.join(tmpdir(), 'smtpcheck-bundle-'));
  try {
    const check_file = path.join(scratch, 'bundle.mjs');
    writeFileSync(check_file, code);
    const check = spawnSync(process.execPath, ['--check', check_file], { encoding: 'utf8' });
    if (check.status !== 0) fail(`the bundle does not parse:\n${check.stderr}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  writeFileSync(output, code);
}

main(process.argv.slice(2));
