import { Buffer } from 'node:buffer';
import type { NamedValues } from './content.js';
import { buildContent, type Content } from './content.js';

export interface MultipartSpec {
  boundary: string;
  parts: { name: string; filename?: string | undefined; type?: string | undefined; content: Content }[];
  closing: boolean;
  epilogue?: Content | undefined;
}

/** A multipart/form-data body built by hand, so a case can break it any way it likes. */
export function multipartBody(spec: MultipartSpec, values: NamedValues): Uint8Array {
  const chunks: Buffer[] = [];
  for (const part of spec.parts) {
    const disposition =
      part.filename === undefined
        ? `form-data; name="${part.name}"`
        : `form-data; name="${part.name}"; filename="${part.filename}"`;
    const type = part.type ? `Content-Type: ${part.type}\r\n` : '';
    chunks.push(Buffer.from(`--${spec.boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.from(buildContent(part.content, values)));
    chunks.push(Buffer.from('\r\n'));
  }
  if (spec.closing) chunks.push(Buffer.from(`--${spec.boundary}--\r\n`));
  if (spec.epilogue !== undefined) chunks.push(Buffer.from(buildContent(spec.epilogue, values)));
  return new Uint8Array(Buffer.concat(chunks));
}
