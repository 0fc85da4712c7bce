import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import type { EmailChannelConfig } from '@ai-router/contracts';
import { DeliveryError } from '../delivery-error';
import { DELIVERY_TIMEOUT_MS, DeliveryNetwork } from '../delivery-network.service';
import type { ChannelSender, OutgoingNotification, ResolvedChannel } from './channel-sender';

/**
 * Email over SMTP (nodemailer): host, port, TLS mode and user from the config, the password from the
 * channel's secrets. We dial the address the SSRF guard approved (not the name again, which could
 * resolve elsewhere by now) and keep the name for TLS certificate checks.
 */
@Injectable()
export class EmailSender implements ChannelSender {
  constructor(private readonly network: DeliveryNetwork) {}

  async send(channel: ResolvedChannel, { event }: OutgoingNotification): Promise<void> {
    const config = channel.config as EmailChannelConfig;
    const host = config.host.replace(/^\[|\]$/g, '');
    const address = await this.network.resolvePermitted(host);
    const transport = createTransport({
      host: address,
      port: config.port,
      secure: config.secure,
      auth: config.user ? { user: config.user, pass: channel.secrets.password ?? '' } : undefined,
      tls: isIP(host) ? {} : { servername: host },
      connectionTimeout: DELIVERY_TIMEOUT_MS,
      greetingTimeout: DELIVERY_TIMEOUT_MS,
      socketTimeout: DELIVERY_TIMEOUT_MS,
    });
    try {
      await transport.sendMail({
        from: config.from,
        to: config.recipients,
        subject: `[AI Router] ${event.title}`,
        text: `${event.body}\n\n-- \n${event.type} | ${event.occurredAt} | event ${event.id}`,
      });
    } catch (err) {
      throw smtpError(err);
    } finally {
      transport.close();
    }
  }
}

/** nodemailer's code (EAUTH, ECONNECTION…) and the server's reply code; the reply text is scrubbed later. */
function smtpError(err: unknown): DeliveryError {
  const e = err as { code?: string; responseCode?: number; response?: string };
  const code = e.code && /^[A-Z_]+$/.test(e.code) ? e.code : 'ESMTP';
  const reply = typeof e.response === 'string' ? `: ${e.response.replace(/\s+/g, ' ').slice(0, 200)}` : '';
  return new DeliveryError(`SMTP ${code}${e.responseCode ? ` ${e.responseCode}` : ''}${reply}`);
}
