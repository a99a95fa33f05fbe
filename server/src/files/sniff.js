'use strict';

/**
 * What a file is, from its bytes: the MIME type and, for images, the width and height. The
 * client's claimed type and the file name are never consulted (a PNG named notes.txt is a PNG; an
 * HTML page claimed to be image/png is neither an image nor inline). Only the first HEAD_BYTES
 * bytes are looked at, except for plain text, which the upload checks over the whole file while
 * it streams (textChecker).
 */

// Enough for a JPEG whose frame header follows a large EXIF block (APP1 segments are at most 64 KB
// each; cameras write one or two) and for every other header read here.
const HEAD_BYTES = 256 * 1024;

// Served inline (shown in place by a browser or a client). Anything else is a download.
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);
const IMAGE_TYPES = new Set([...INLINE_TYPES, 'image/bmp']);

// Office documents are ZIP files; their first entry names them (ODF: an uncompressed "mimetype"
// entry holding the type; OOXML: a [Content_Types].xml and a folder per kind).
const OOXML_FOLDERS = [
  ['word/', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xl/', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['ppt/', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
];
const ODF_TYPES = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

const startsWith = (buf, bytes, offset = 0) =>
  buf.length >= offset + bytes.length && bytes.every((b, i) => buf[offset + i] === b);
const ascii = (buf, offset, length) => (buf.length >= offset + length ? buf.toString('latin1', offset, offset + length) : '');

/** A sane image size: positive and at most 65535 on each side (every format here fits). */
const dims = (width, height) => (width > 0 && height > 0 && width <= 65535 && height <= 65535 ? { width, height } : null);

function pngSize(buf) {
  // Signature, then the IHDR chunk: length (4), "IHDR", width (4), height (4).
  if (ascii(buf, 12, 4) !== 'IHDR') return null;
  return dims(buf.readUInt32BE(16), buf.readUInt32BE(20));
}

function gifSize(buf) {
  if (buf.length < 10) return null;
  return dims(buf.readUInt16LE(6), buf.readUInt16LE(8));
}

function bmpSize(buf) {
  if (buf.length < 26) return null;
  const header = buf.readUInt32LE(14);
  if (header === 12) return dims(buf.readUInt16LE(18), buf.readUInt16LE(20)); // OS/2 BITMAPCOREHEADER
  if (header < 40 || buf.length < 26) return null;
  // A negative height is a top-down bitmap.
  return dims(Math.abs(buf.readInt32LE(18)), Math.abs(buf.readInt32LE(22)));
}

function webpSize(buf) {
  const chunk = ascii(buf, 12, 4);
  if (chunk === 'VP8 ' && buf.length >= 30) {
    // Key frame start code 9d 01 2a, then 14-bit width and height.
    if (!startsWith(buf, [0x9d, 0x01, 0x2a], 23)) return null;
    return dims(buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff);
  }
  if (chunk === 'VP8L' && buf.length >= 25) {
    if (buf[20] !== 0x2f) return null;
    const bits = buf.readUInt32LE(21);
    return dims((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X' && buf.length >= 30) {
    return dims(buf.readUIntLE(24, 3) + 1, buf.readUIntLE(27, 3) + 1);
  }
  return null;
}

function jpegSize(buf) {
  // Walk the segments up to a start-of-frame marker (SOF0..SOF15 but DHT c4, JPG c8, DAC cc).
  let i = 2;
  while (i + 4 <= buf.length) {
    if (buf[i] !== 0xff) return null;
    const marker = buf[i + 1];
    if (marker === 0xff) { // fill byte
      i += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { // no length
      i += 2;
      continue;
    }
    const length = buf.readUInt16BE(i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (i + 9 > buf.length) return null;
      return dims(buf.readUInt16BE(i + 7), buf.readUInt16BE(i + 5));
    }
    if (marker === 0xda || marker === 0xd9) return null; // scan data or the end before any frame
    i += 2 + length;
  }
  return null;
}

/** The type of a ZIP by its first local file entry: an office document, or plain application/zip. */
function zipType(buf) {
  if (buf.length < 30) return 'application/zip';
  const nameLength = buf.readUInt16LE(26);
  const extraLength = buf.readUInt16LE(28);
  const name = ascii(buf, 30, nameLength);
  if (name === 'mimetype' && buf.readUInt16LE(8) === 0) { // stored, not compressed
    const size = buf.readUInt32LE(18);
    const type = ascii(buf, 30 + nameLength + extraLength, Math.min(size, 100));
    if (ODF_TYPES.has(type)) return type;
  }
  // OOXML: the folder names appear in the local headers of the first entries.
  const head = buf.toString('latin1', 0, Math.min(buf.length, 64 * 1024));
  if (head.includes('[Content_Types].xml')) {
    for (const [folder, type] of OOXML_FOLDERS) if (head.includes(folder)) return type;
  }
  return 'application/zip';
}

/**
 * { mimeType, width?, height? } from the first bytes of a file (`head`, up to HEAD_BYTES) and
 * whether the whole file is valid UTF-8 without NUL characters (`isText`).
 */
function sniff(head, { isText = false } = {}) {
  const image = (mimeType, size) => (size ? { mimeType, ...size } : { mimeType });
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image('image/png', pngSize(head));
  if (startsWith(head, [0xff, 0xd8, 0xff])) return image('image/jpeg', jpegSize(head));
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return image('image/gif', gifSize(head));
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return image('image/webp', webpSize(head));
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26 && head.readUInt32LE(2) >= 26) {
    const size = bmpSize(head);
    if (size) return image('image/bmp', size);
  }
  if (ascii(head, 0, 5) === '%PDF-') return { mimeType: 'application/pdf' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return { mimeType: zipType(head) };
  if (isText) return { mimeType: 'text/plain' }; // served with charset=utf-8
  return { mimeType: 'application/octet-stream' };
}

/**
 * Follows a file chunk by chunk and tells afterwards whether all of it was valid UTF-8 without a
 * NUL (an empty file counts as text). Constant memory: a streaming decoder keeps at most a few
 * bytes of an unfinished character.
 */
function textChecker() {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let ok = true;
  return {
    push(chunk) {
      if (!ok) return;
      if (chunk.includes(0)) {
        ok = false;
        return;
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        ok = false;
      }
    },
    done() {
      if (!ok) return false;
      try {
        decoder.decode(); // an unfinished character at the end fails here
        return true;
      } catch {
        return false;
      }
    },
  };
}

const isImageType = (mimeType) => IMAGE_TYPES.has(mimeType);
const isInlineType = (mimeType) => INLINE_TYPES.has(mimeType);

module.exports = { sniff, textChecker, isImageType, isInlineType, HEAD_BYTES };
