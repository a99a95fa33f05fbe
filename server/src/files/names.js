'use strict';

/**
 * File names: the cleaning rule every upload goes through (the client's FileInfo::cleanName
 * follows the same rule) and the Content-Disposition header a download carries.
 */

const MAX_NAME_LENGTH = 255; // characters (code points), as most file systems allow

// C0 and C1 control characters, and the bidirectional overrides and isolates, which can make
// "gpj.exe" look like "exe.jpg" in a file list.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name as stored and shown: path separators (/ and \) and control characters removed,
 * surrounding white space trimmed, at most 255 characters; "." and ".." and an empty result
 * become "file". Never a path: a client saving it joins it to a folder of its own choosing.
 */
function cleanName(name) {
  if (typeof name !== 'string') return 'file';
  let clean = name.normalize('NFC').replace(UNSAFE, '').replace(/[/\\]/g, '').trim();
  const chars = [...clean];
  if (chars.length > MAX_NAME_LENGTH) clean = chars.slice(0, MAX_NAME_LENGTH).join('').trim();
  if (clean === '' || clean === '.' || clean === '..') return 'file';
  return clean;
}

/** RFC 5987 / 8187 percent-encoding of UTF-8 (encodeURIComponent leaves ' ( ) * alone). */
const encodeExtended = (value) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The Content-Disposition of a download: `inline` for the image types shown in place, otherwise
 * an attachment with the name twice, an ASCII fallback (anything else, and quotes and
 * backslashes, as "_") and the exact UTF-8 name.
 */
function contentDisposition(name, inline) {
  if (inline) return 'inline';
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeExtended(name)}`;
}

module.exports = { cleanName, contentDisposition, MAX_NAME_LENGTH };
