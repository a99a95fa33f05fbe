'use strict';

// The pure parts of the files feature: sniffing types and image sizes from bytes, the name
// cleaning rule, Content-Disposition and Range parsing.

const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { sniff, textChecker } = require('../src/files/sniff');
const { cleanName, contentDisposition } = require('../src/files/names');
const { parseRange } = require('../src/files/download');
const { formatLimit } = require('../src/constants');
const { png, jpeg, gif, webp, bmp, zip } = require('../testlib/files');

const text = (...chunks) => {
  const check = textChecker();
  for (const c of chunks) check.push(Buffer.from(c));
  return check.done();
};

describe('files: sniffing', () => {
  it('recognises the image types and reads their width and height', () => {
    assert.deepEqual(sniff(png(3, 2)), { mimeType: 'image/png', width: 3, height: 2 });
    assert.deepEqual(sniff(jpeg(640, 480)), { mimeType: 'image/jpeg', width: 640, height: 480 });
    assert.deepEqual(sniff(gif(17, 9)), { mimeType: 'image/gif', width: 17, height: 9 });
    assert.deepEqual(sniff(webp(1920, 1080)), { mimeType: 'image/webp', width: 1920, height: 1080 });
    assert.deepEqual(sniff(bmp(5, 4)), { mimeType: 'image/bmp', width: 5, height: 4 });
  });

  it('finds a JPEG frame behind a 60 KB EXIF block', () => {
    assert.deepEqual(sniff(jpeg(4000, 3000, 60 * 1024)), { mimeType: 'image/jpeg', width: 4000, height: 3000 });
  });

  it('keeps the type of a damaged image but claims no size for it', () => {
    assert.deepEqual(sniff(png(3, 2).subarray(0, 12)), { mimeType: 'image/png' });
    assert.deepEqual(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00])), { mimeType: 'image/jpeg' });
    const zero = png(3, 2);
    zero.writeUInt32BE(0, 16); // width 0
    assert.deepEqual(sniff(zero), { mimeType: 'image/png' });
  });

  it('recognises PDF, ZIP and the office documents inside a ZIP', () => {
    assert.deepEqual(sniff(Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1')), { mimeType: 'application/pdf' });
    assert.deepEqual(sniff(zip('notes.txt', 'hello')), { mimeType: 'application/zip' });
    assert.deepEqual(sniff(zip('mimetype', 'application/vnd.oasis.opendocument.text')), { mimeType: 'application/vnd.oasis.opendocument.text' });
    const docx = Buffer.concat([zip('[Content_Types].xml', '<Types/>'), zip('word/document.xml', '<w/>')]);
    assert.deepEqual(sniff(docx), { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
    const xlsx = Buffer.concat([zip('[Content_Types].xml', '<Types/>'), zip('xl/workbook.xml', '<x/>')]);
    assert.deepEqual(sniff(xlsx), { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  });

  it('calls UTF-8 without NUL text, and anything else application/octet-stream', () => {
    assert.deepEqual(sniff(Buffer.from('<html><script>alert(1)</script>'), { isText: true }), { mimeType: 'text/plain' });
    assert.deepEqual(sniff(Buffer.from([0, 1, 2, 3]), { isText: false }), { mimeType: 'application/octet-stream' });
    // The bytes decide, never a claim: text that starts like nothing known stays text only when checked as text.
    assert.deepEqual(sniff(Buffer.from('plain words')), { mimeType: 'application/octet-stream' });
  });

  it('checks text over chunks, including a character split between two chunks', () => {
    assert.equal(text('Grüße, ', 'Ωμέγα'), true);
    const euro = Buffer.from('€'); // three bytes
    const check = textChecker();
    check.push(euro.subarray(0, 1));
    check.push(euro.subarray(1));
    assert.equal(check.done(), true);
    assert.equal(text(''), true, 'an empty file is text');
    assert.equal(text('abc\0def'), false, 'a NUL is no text');
    assert.equal(text(Buffer.from([0xc3, 0x28])), false, 'invalid UTF-8');
    const cut = textChecker();
    cut.push(euro.subarray(0, 2));
    assert.equal(cut.done(), false, 'a character cut off at the end');
  });
});

describe('files: names', () => {
  it('removes path separators and control characters, trims, and names the empty result "file"', () => {
    assert.equal(cleanName('notes.pdf'), 'notes.pdf');
    assert.equal(cleanName('../../etc/passwd'), '....etcpasswd');
    assert.equal(cleanName('C:\\Users\\ada\\Übung 3.pdf'), 'C:UsersadaÜbung 3.pdf');
    assert.equal(cleanName('line\nbreak\ttab\u0000nul\u007fdel\u0085nel.txt'), 'linebreaktabnuldelnel.txt');
    assert.equal(cleanName('photo\u202egpj.exe'), 'photogpj.exe', 'no right-to-left override');
    assert.equal(cleanName('  spaced  '), 'spaced');
    for (const empty of ['', '   ', '/', '\\\\', '\u0001\u0002', '.', '..', '/../', null, undefined, 42]) {
      assert.equal(cleanName(empty), 'file', JSON.stringify(empty));
    }
  });

  it('keeps at most 255 characters, never half of one', () => {
    assert.equal([...cleanName('😀'.repeat(300))].length, 255);
    assert.equal(cleanName('😀'.repeat(300)), '😀'.repeat(255));
    assert.equal(cleanName('a'.repeat(255)), 'a'.repeat(255));
  });

  it('Content-Disposition: inline for the safe images, else an attachment with an ASCII and a UTF-8 name', () => {
    assert.equal(contentDisposition('photo.png', true), 'inline');
    assert.equal(contentDisposition('notes.pdf', false), 'attachment; filename="notes.pdf"; filename*=UTF-8\'\'notes.pdf');
    assert.equal(contentDisposition('Übung "3" – Lösung (1).pdf', false),
      'attachment; filename="_bung _3_ _ L_sung (1).pdf"; filename*=UTF-8\'\'%C3%9Cbung%20%223%22%20%E2%80%93%20L%C3%B6sung%20%281%29.pdf');
  });
});

describe('files: ranges and limits', () => {
  it('parses one byte range against the size', () => {
    assert.deepEqual(parseRange('bytes=0-9', 100), { start: 0, end: 9 });
    assert.deepEqual(parseRange('bytes=90-', 100), { start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=90-500', 100), { start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 });
    assert.deepEqual(parseRange('bytes=-500', 100), { start: 0, end: 99 });
    assert.equal(parseRange('bytes=100-', 100), 'unsatisfiable');
    assert.equal(parseRange('bytes=-0', 100), 'unsatisfiable');
    assert.equal(parseRange('bytes=0-', 0), 'unsatisfiable');
    for (const ignored of [undefined, '', 'bytes=', 'bytes=5-2', 'items=0-1', 'bytes=0-1,5-6', 'bytes=a-b']) {
      assert.equal(parseRange(ignored, 100), 'none', JSON.stringify(ignored));
    }
  });

  it('names a limit in MB, KB or bytes', () => {
    assert.equal(formatLimit(25 * 1024 * 1024), '25 MB');
    assert.equal(formatLimit(1.5 * 1024 * 1024), '1.5 MB');
    assert.equal(formatLimit(64 * 1024), '64 KB');
    assert.equal(formatLimit(100), '100 bytes');
  });
});
