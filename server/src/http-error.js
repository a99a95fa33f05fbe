'use strict';

/** An error a REST route answers with its status and { error: message } (rest.js's error handler). */
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

module.exports = { HttpError };
