'use strict';

/**
 * The file routes (docs/PROTOCOL.md "Files"), mounted on the authenticated /api router:
 * POST /api/files, GET and HEAD /api/files/:id. `filesDir` holds the blobs and the temporary
 * files of uploads in progress.
 */

const { blobStore } = require('./blobs');
const { uploadRoute } = require('./upload');
const { downloadRoute } = require('./download');

/** Prepares the blob store (creates the folders); resolves with { blobs, mount(router) }. */
async function openFiles({ store, filesDir, maxFileBytes, logger }) {
  const blobs = blobStore(filesDir);
  await blobs.open();
  return {
    blobs,
    mount(router) {
      router.post('/files', uploadRoute({ store, blobs, maxFileBytes, logger }));
      // Express answers HEAD with the GET route; the route itself leaves the body out.
      router.get('/files/:id', downloadRoute({ store, blobs, logger }));
    },
  };
}

module.exports = { openFiles };
