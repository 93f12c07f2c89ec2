import { Hono } from 'hono';
import type { FileDropResponse } from '../../../contracts/v5-etls.js';
import { LocationId } from '../../../contracts/v5-etls.js';
import { ActitoError } from '../../domain/errors.js';
import { chunksSource } from '../../domain/imports/data-source.js';
import { receiveDroppedFile } from '../../domain/v5-etls/receive-dropped-file.js';
import { drainUnreadBody } from '../body.js';
import type { MockEnv } from '../env.js';
import { readImportUpload } from '../multipart.js';

/** A file name as a folder holds it: no path, not hidden. */
const FILE_NAME = /^[^/\\\0.][^/\\\0]{0,254}$/;

/**
 * POST /__mock/locations/{locationId}/files: drops a file in a file transfer location, as the
 * folder watcher of the server process does for a real folder (in-process, there is none).
 */
export function controlLocationRoutes(): Hono<MockEnv> {
  const routes = new Hono<MockEnv>();

  routes.post('/__mock/locations/:locationId/files', async (c) => {
    const tenant = c.get('tenant');
    const locationId = c.req.param('locationId');
    try {
      if (!LocationId.safeParse(locationId).success) {
        throw new ActitoError(
          'INVALID_CONTROL_REQUEST',
          `"${locationId}" is not a location id: use 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit.`,
          [{ path: 'locationId', message: 'not a location id' }],
        );
      }
      const maxFileBytes = tenant.settings.limits.maxUploadBytes ?? Number.POSITIVE_INFINITY;
      const body = await readImportUpload<null, Promise<FileDropResponse>>(
        c.req.raw,
        { definition: [], data: ['file'], maxFileBytes },
        {
          plan: null,
          onData: async (_, data) => {
            if (!data) {
              throw new ActitoError(
                'MISSING_PART',
                'The file part is missing: send the dropped file as multipart part "file".',
                [{ path: 'file', message: 'missing' }],
              );
            }
            const name = data.name ?? '';
            if (!FILE_NAME.test(name)) {
              throw new ActitoError(
                'INVALID_CONTROL_REQUEST',
                `The file part needs a file name without folders, not starting with a dot (got "${name}").`,
                [{ path: 'file', message: 'no usable file name' }],
              );
            }
            // Held in memory: each ETL that takes the file reads it from the start.
            const chunks: Uint8Array[] = [];
            for await (const chunk of data.chunks) chunks.push(chunk);
            // The ETLs run once the request body has ended cleanly, like any upload.
            return async () => {
              const result = await receiveDroppedFile(tenant, locationId, name, () =>
                chunksSource(name, chunks),
              );
              return { locationId, name, ...result };
            };
          },
        },
      );
      return c.json(body);
    } catch (error) {
      await drainUnreadBody(c.req.raw, tenant.settings.limits.maxUploadBytes);
      throw error;
    }
  });

  return routes;
}
