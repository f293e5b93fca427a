/**
 * The two ways out: e-mail through SMTP (nodemailer; SMTP_URL, MAIL_FROM) and SMS through an
 * HTTP gateway (SMS_GATEWAY_URL: POST {"phone","text"} as JSON, SMS_GATEWAY_AUTH as the
 * Authorization header). A channel that is not configured is null: its messages are recorded as
 * 未发送（未配置）, never an error of the case action that caused them.
 */
import type { Config } from '../config/config.ts';

export interface Transport {
  send(m: { recipient: string; subject: string; body: string }): Promise<void>;
  close(): void;
}

export interface Transports {
  email: Transport | null;
  sms: Transport | null;
}

const TIMEOUT_MS = 15_000;

export function createTransports(config: Pick<Config, 'notifications'>): Transports {
  const n = config.notifications;
  return {
    email: n.smtpUrl ? emailTransport(n.smtpUrl, n.mailFrom) : null,
    sms: n.smsGatewayUrl ? smsTransport(n.smsGatewayUrl, n.smsGatewayAuth) : null,
  };
}

function emailTransport(url: string, from: string): Transport {
  // nodemailer is loaded with the first message, not at start-up: most processes send none.
  let transporter: Promise<import('nodemailer').Transporter> | null = null;
  const open = () =>
    (transporter ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        url,
        connectionTimeout: TIMEOUT_MS,
        greetingTimeout: TIMEOUT_MS,
        socketTimeout: TIMEOUT_MS,
      }),
    ));
  return {
    async send(m) {
      await (await open()).sendMail({ from, to: m.recipient, subject: m.subject, text: m.body });
    },
    close: () => void transporter?.then((t) => t.close(), () => {}),
  };
}

function smsTransport(url: string, auth: string | null): Transport {
  return {
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
        body: JSON.stringify({ phone: m.recipient, text: m.body }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`短信网关返回 ${res.status}：${(await res.text()).slice(0, 200)}`);
    },
    close: () => {},
  };
}
