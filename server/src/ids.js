'use strict';

/**
 * Ids are integers in the database. Clients may send them as numbers (3) or decimal strings ("3");
 * anything else is invalid. Returns the integer, or null when the value is not a valid id.
 */
function parseId(value) {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value === 'string' && /^[0-9]{1,16}$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  }
  return null;
}

const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v) && !Buffer.isBuffer(v);

module.exports = { parseId, isPlainObject };
