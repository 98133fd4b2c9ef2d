import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { z } from 'zod';

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
    throw new BadRequestException({
      message:
        'Invalid input: ' + parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; '),
      rule: 'request.invalid',
      details: parsed.error.issues.map((i) => ({
        field: i.path.join('.') || (i.code === 'unrecognized_keys' ? '' : '(body)'),
        rule: i.code === 'unrecognized_keys' ? 'field.unknown' : `field.${i.code}`,
        message:
          i.code === 'unrecognized_keys' ? `Unknown field(s): ${(i as { keys: string[] }).keys.join(', ')}` : i.message,
        ...(i.code === 'unrecognized_keys' ? { field: [...i.path, ...(i as { keys: string[] }).keys].join('.') } : {}),
      })),
    });
  }
}
