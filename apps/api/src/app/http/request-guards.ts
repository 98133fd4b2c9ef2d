import type { Message, RuleCode } from '@socium/domain';

import type { Duplex } from 'node:stream';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

import { fail } from './app-error';
import { reasonOf } from './http-status';

/**
 * The edge's checks on what a request carries, before any route, guard or database sees it.
 *
 * The one rule: a C0 control character (U+0000–U+001F) is refused with 400 `request.control-character`
 * and the field that carries it — `(path)` for the URL path, the parameter's name for the query string,
 * the field's path (`outcome.result`, `contacts.0.value`) for a JSON body. Tab, line feed and carriage
 * return stay allowed in JSON string values (free text has lines); in the path and the query nothing
 * below U+0020 is allowed. A path that is not valid percent-encoded UTF-8 is 400 `request.malformed-url`.
 * A well-formed id that names nothing stays 404 `<subject>.not-found`, whatever its form.
 */

/** Whether a string holds a C0 control character. */
export const hasControl = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 0x20) return true;
  return false;
};

/** Whether a string holds a C0 control character other than tab, line feed and carriage return. */
export const hasControlButLineBreaks = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return true;
  }
  return false;
};

const CONTROL: Message = {
  ru: 'Запрос содержит управляющий символ',
  en: 'The request contains a control character',
  tt: 'Сорауда идарә символы бар',
};
const MALFORMED_URL: Message = {
  ru: 'Адрес запроса закодирован неверно',
  en: 'The request URL is not valid percent-encoded UTF-8',
  tt: 'Сорау адресы дөрес кодланмаган',
};
const MALFORMED_ENCODING: Message = {
  ru: 'Тело запроса не соответствует заголовку Content-Encoding',
  en: 'The request body does not match its Content-Encoding',
  tt: 'Сорау эчтәлеге Content-Encoding башлыгына туры килми',
};

/** Refuses a path that does not decode, and control characters in the path or the query string. */
export function checkUrl(req: Request, _res: Response, next: NextFunction): void {
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return next(fail('request.malformed-url', MALFORMED_URL, '(path)'));
    }
    if (hasControl(decoded)) return next(fail('request.control-character', CONTROL, '(path)'));
  }
  const field = findControl(req.query, hasControl, '(query)');
  if (field !== null) return next(fail('request.control-character', CONTROL, field));
  next();
}

/** Refuses control characters (other than tab and line breaks) in a parsed JSON body's keys and strings. */
export function checkBody(req: Request, _res: Response, next: NextFunction): void {
  const body: unknown = req.body;
  if (body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return next();
  const field = findControl(body, hasControlButLineBreaks, '(body)');
  if (field !== null) return next(fail('request.control-character', CONTROL, field));
  next();
}

/**
 * A body parser whose stream failures (a body that is not what its `Content-Encoding` says, a broken
 * stream) carry a code: the parser marks them 400 without a type, which would otherwise read as a crash.
 */
export function withParserErrors(parser: RequestHandler): RequestHandler {
  return (req, res, next) =>
    parser(req, res, (e?: unknown) => {
      if (e === undefined || e === null || hasType(e)) return next(e as Error | undefined);
      const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
      next(
        encoding === 'identity'
          ? fail('request.malformed-json', {
              ru: 'Тело запроса не прочитано',
              en: 'The request body could not be read',
              tt: 'Сорау эчтәлеген укып булмады',
            })
          : fail('request.malformed-encoding', MALFORMED_ENCODING, '(body)'),
      );
    });
}

function hasType(e: unknown): boolean {
  return typeof e === 'object' && typeof (e as { type?: unknown }).type === 'string';
}

/**
 * The path of a key or string `bad` holds true for, or null. Iterative, so a body
 * nested as deep as the size limit allows cannot overflow the stack.
 */
export function findControl(root: unknown, bad: (s: string) => boolean, rootName: string): string | null {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [value, path] = stack.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (bad(value)) return path || rootName;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const at = path ? `${path}.${key}` : key;
        if (bad(key)) return path || rootName;
        stack.push([child, at]);
      }
    }
  }
  return null;
}

/**
 * Node's HTTP parser refuses some requests before Express sees them (a raw byte above 0x7E in the request line,
 * a malformed header, headers over Node's size limit) and would answer a bare `400` without a body. This
 * `clientError` listener answers them in the error shape instead: 400 `request.malformed-url` for the URL,
 * 431 for headers that are too large, 408 for a request that took too long, 400 `request.malformed-http` else.
 */
export function answerClientError(err: Error & { code?: string }, socket: Duplex): void {
  const started = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
  if (err.code === 'ECONNRESET' || !socket.writable || started) {
    socket.destroy();
    return;
  }
  const [status, message, rule]: [number, string, RuleCode | undefined] =
    err.code === 'HPE_INVALID_URL'
      ? [400, MALFORMED_URL.en, 'request.malformed-url']
      : err.code === 'HPE_HEADER_OVERFLOW'
        ? [431, 'The request headers are too large', undefined]
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [408, 'The request was not received in time', undefined]
          : [400, 'The request is not valid HTTP', 'request.malformed-http'];
  const reason = reasonOf(status);
  const field = rule === 'request.malformed-url' ? { details: [{ field: '(path)', rule, message }] } : {};
  const body = JSON.stringify({ statusCode: status, error: reason, message, ...(rule ? { rule } : {}), ...field });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
