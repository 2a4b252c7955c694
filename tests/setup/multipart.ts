/** Builds a multipart/form-data body by hand, as a browser's file upload sends it. */
export function multipart(files: Array<{ name?: string; filename: string; content: string | Uint8Array; type?: string }>) {
  const boundary = `----confer${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name ?? 'files'}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? 'text/csv'}\r\n\r\n`,
      ),
    );
    chunks.push(typeof f.content === 'string' ? Buffer.from(f.content, 'utf8') : Buffer.from(f.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
