import { Readable } from 'node:stream';
import { msg } from '../messages/catalogue';
import { badRequest } from '../errors';

/** The base64 `attachment` of the JSON form (a data: URL prefix is accepted), strictly decoded. */
export function decodeBase64Attachment(text: string): Readable {
  const payload = text.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (payload.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(payload)) {
    throw badRequest(msg('not_base64'), 'attachment');
  }
  return Readable.from([Buffer.from(payload, 'base64')]);
}
