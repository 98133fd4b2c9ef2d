import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

import { invalidInput, issueMessage } from './zod-messages';

/** A class that carries a zod schema, so the one global pipe can find it from the parameter type. */
export interface ZodDtoClass {
  new (): unknown;
  schema: z.ZodType;
}

/** Creates a parameter type bound to a contract schema: `class Body extends zodDto(CreateX) {}`. */
export function zodDto<T extends z.ZodType>(schema: T): { new (): z.output<T>; schema: T } {
  class Dto {
    static schema = schema;
  }
  return Dto as unknown as { new (): z.output<T>; schema: T };
}

/** The single global validation pipe: bodies and queries typed by a zodDto are parsed strictly. */
@Injectable()
export class ZodValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const meta = metadata.metatype as Partial<ZodDtoClass> | undefined;
    if (!meta?.schema) return value;
    if (metadata.type === 'body' && value === undefined) value = {};
    const parsed = meta.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const details = parsed.error.issues.map((i) => {
      const unknown = i.code === 'unrecognized_keys';
      return {
        field: unknown ? [...i.path, ...(i as { keys: string[] }).keys].join('.') : i.path.join('.') || '(body)',
        rule: unknown ? 'field.unknown' : `field.${i.code}`,
        message: issueMessage(i, i.code === 'invalid_type' && valueAt(value, i.path) === undefined),
        path: i.path.join('.') || '(body)',
      };
    });
    // messages in the three languages: the error filter answers in the request's one
    throw new BadRequestException({
      message: invalidInput(details),
      rule: 'request.invalid',
      details: details.map(({ field, rule, message }) => ({ field, rule, message })),
    });
  }
}

/** The value at a path of the parsed input (`undefined` when any step is missing). */
function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}
