/**
 * Test helpers: a real SMTP server on loopback (smtp-server, with authentication) whose arrived
 * mails are parsed (mailparser), and a small HTTP server standing in for an SMS gateway.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ArrivedMail {
  from: string;
  to: string;
  subject: string;
  text: string;
}

export interface TestSmtp {
  port: number;
  url: string;
  mails: ArrivedMail[];
  /** Stops listening (mail to it then fails); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitFor(count: number, ms?: number): Promise<ArrivedMail[]>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const mails: ArrivedMail[] = [];
  const make = () =>
    new SMTPServer({
      secure: false,
      hideSTARTTLS: true,
      authMethods: ['PLAIN', 'LOGIN'],
      // Plain-text authentication on loopback only, as the test runs.
      allowInsecureAuth: true,
      onAuth(auth, _session, cb) {
        if (auth.username === 'mailer' && auth.password === 'secret-pw') cb(null, { user: auth.username });
        else cb(new Error('认证失败'));
      },
      onData(stream, _session, cb) {
        simpleParser(stream)
          .then((m) => {
            mails.push({ from: m.from?.text ?? '', to: Array.isArray(m.to) ? m.to.map((x) => x.text).join(',') : (m.to?.text ?? ''), subject: m.subject ?? '', text: m.text ?? '' });
            cb();
          })
          .catch((e: Error) => cb(e));
      },
      logger: false,
    });
  let server = make();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://mailer:secret-pw@127.0.0.1:${port}`,
    mails,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async start() {
      server = make();
      await new Promise<void>((resolve, reject) => {
        server.server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
    },
    async waitFor(count, ms = 10_000) {
      const end = Date.now() + ms;
      while (mails.length < count && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
      return mails;
    },
  };
}

export interface TestSmsGateway {
  url: string;
  received: Array<{ phone: string; text: string; authorization: string | undefined }>;
  close(): Promise<void>;
}

export async function startTestSmsGateway(): Promise<TestSmsGateway> {
  const received: TestSmsGateway['received'] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      const v = JSON.parse(body) as { phone: string; text: string };
      received.push({ phone: v.phone, text: v.text, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
