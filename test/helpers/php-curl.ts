import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Requests as PHP's curl extension (libcurl 7.x, HTTP/1.1) writes them on the wire, and the files
 * PHP's fputcsv and ZipArchive write: what the public client Nelo07o/myhappypet sends to Actito.
 */
export interface RawRequest {
  method: 'GET' | 'POST';
  path: string;
  /** The header lines after Host, as curl writes them (a custom header is sent exactly as given). */
  headerLines: string[];
  body: Uint8Array;
}

/** What curl adds to every request of that client: CURLOPT_ENCODING '' asks for every encoding it has. */
const CURL_DEFAULT_HEADERS = ['Accept: */*', 'Accept-Encoding: deflate, gzip, br'];

/** A GET with CURLOPT_HTTPHEADER `headers`, e.g. `['Authorization:mock-api-key']`. */
export function curlGet(path: string, headers: string[]): RawRequest {
  return { method: 'GET', path, headerLines: [...CURL_DEFAULT_HEADERS, ...headers], body: new Uint8Array() };
}

export interface CurlFile {
  /** The CURLOPT_POSTFIELDS key. */
  name: string;
  /** `new CURLFile($path, $mime)`: curl sends the file's base name as filename. */
  fileName: string;
  type: string;
  content: Uint8Array;
}

/**
 * A POST whose CURLOPT_POSTFIELDS is an array of CURLFile, in array order. curl replaces the
 * client's own `Content-Type: multipart/form-data` header with one carrying its boundary (24 dashes
 * and 16 hex digits in libcurl 7.x) and sends it last, after Content-Length.
 */
export function curlMultipartPost(
  path: string,
  headers: string[],
  files: CurlFile[],
  boundary = `${'-'.repeat(24)}7d3e1f09a2b4c6d8`,
): RawRequest {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const file of files) {
    chunks.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.content,
      encoder.encode('\r\n'),
    );
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(Buffer.concat(chunks));
  const own = headers.filter((line) => !/^content-type:/i.test(line));
  return {
    method: 'POST',
    path,
    headerLines: [
      ...CURL_DEFAULT_HEADERS,
      ...own,
      `Content-Length: ${body.byteLength}`,
      `Content-Type: multipart/form-data; boundary=${boundary}`,
    ],
    body,
  };
}

/** The request as bytes on the socket, with the Host curl sends for `host`. */
export function requestBytes(request: RawRequest, host: string): Uint8Array {
  const head = [`${request.method} ${request.path} HTTP/1.1`, `Host: ${host}`, ...request.headerLines];
  return new Uint8Array(Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), request.body]));
}

/**
 * The same request as a Fetch Request (what an in-process transport such as MSW sees): the same
 * method, path, header values and body bytes; Host and Content-Length are the URL's and the body's.
 */
export function fetchRequest(request: RawRequest, origin: string): Request {
  const headers = new Headers();
  for (const line of request.headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    if (!/^content-length$/i.test(name)) headers.append(name, line.slice(colon + 1).trim());
  }
  return new Request(`${origin}${request.path}`, {
    method: request.method,
    headers,
    ...(request.method === 'POST' ? { body: request.body as BodyInit } : {}),
  });
}

/**
 * A line as PHP's fputcsv($file, $fields, ';') writes it: a field is enclosed in double quotes when
 * it holds the separator, a quote, a backslash, a space, a tab or a line break; quotes are doubled.
 */
export function fputcsv(fields: readonly string[], separator = ';'): string {
  const needsQuotes = (field: string) => field.includes(separator) || /["\\ \t\r\n]/.test(field);
  const quoted = fields.map((field) => (needsQuotes(field) ? `"${field.replaceAll('"', '""')}"` : field));
  return `${quoted.join(separator)}\n`;
}

/**
 * An archive as PHP's ZipArchive::addFile then close() writes it (libzip): one deflated entry whose
 * local header carries its sizes and CRC (no data descriptor), then the central directory.
 */
export function zipArchive(
  entryName: string,
  content: Uint8Array,
  modified = new Date('2022-05-04T08:55:29Z'),
): Uint8Array {
  const name = Buffer.from(entryName, 'utf8');
  const data = deflateRawSync(content);
  const crc = crc32(content);
  const time =
    (modified.getUTCHours() << 11) | (modified.getUTCMinutes() << 5) | (modified.getUTCSeconds() >> 1);
  const date =
    ((modified.getUTCFullYear() - 1980) << 9) | ((modified.getUTCMonth() + 1) << 5) | modified.getUTCDate();
  const common = (header: Buffer, at: number) => {
    header.writeUInt16LE(20, at); // version needed to extract: 2.0 (deflate)
    header.writeUInt16LE(0, at + 2); // flags: sizes are in this header
    header.writeUInt16LE(8, at + 4); // deflate
    header.writeUInt16LE(time, at + 6);
    header.writeUInt16LE(date, at + 8);
    header.writeUInt32LE(crc, at + 10);
    header.writeUInt32LE(data.byteLength, at + 14);
    header.writeUInt32LE(content.byteLength, at + 18);
    header.writeUInt16LE(name.byteLength, at + 22);
  };
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  common(local, 4);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(0x031e, 4); // made by: Unix, zip 3.0
  common(central, 6);
  central.writeUInt32LE(0o100644 * 0x10000, 38); // external attributes: a regular file, rw-r--r--
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.byteLength + name.byteLength, 12);
  end.writeUInt32LE(local.byteLength + name.byteLength + data.byteLength, 16);
  return new Uint8Array(Buffer.concat([local, name, data, central, name, end]));
}
