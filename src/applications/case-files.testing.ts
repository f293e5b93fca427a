/** Test helper: multipart bodies as a browser posts a form with files, and sample file contents. */
export function multipartForm(fields: Record<string, string>, files: { name?: string; fileName: string; bytes: Buffer }[] = []) {
  const boundary = '----gongkaiFormBoundary9XyZ';
  const chunks: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.name ?? 'files'}"; filename="${f.fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`), f.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A small, well-formed PDF (header, one empty page, trailer). */
export function samplePdf(text = '身份证复印件'): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
}

export const samplePng = (): Buffer => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

/** Applies on the public form as a browser does (GET for the cookie and tokens, then POST); returns the receipt. */
export async function applyOnline(
  app: import('fastify').FastifyInstance,
  fields: Record<string, string> = {},
  files: Parameters<typeof multipartForm>[1] = [],
): Promise<{ cookie: string; trackingNumber: string; queryCode: string; caseId: number | null; statusCode: number; body: string }> {
  const { parse } = await import('node-html-parser');
  const { sampleForm } = await import('./test-fixtures.ts');
  const page = await app.inject({ method: 'GET', url: '/ysqgk/' });
  const cookie = `gk_form=${page.cookies.find((c) => c.name === 'gk_form')!.value}`;
  const doc = parse(page.body);
  const orgId = doc.querySelector('#f-organizationId option[value]:not([value=""])')!.getAttribute('value')!;
  const base = Object.fromEntries(Object.entries(sampleForm(Number(orgId))).map(([k, v]) => [k, String(v)]));
  const form = multipartForm({ _csrf: doc.querySelector('input[name=_csrf]')!.getAttribute('value')!, _token: doc.querySelector('input[name=_token]')!.getAttribute('value')!, ...base, ...fields }, files);
  const res = await app.inject({ method: 'POST', url: '/ysqgk/', headers: { cookie, 'content-type': form.contentType }, payload: form.payload });
  const receipt = parse(res.body);
  return {
    cookie, statusCode: res.statusCode, body: res.body, caseId: null,
    trackingNumber: receipt.querySelector('#tracking-number')?.text ?? '', queryCode: receipt.querySelector('#query-code')?.text ?? '',
  };
}
