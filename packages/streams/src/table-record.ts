import { z, type ZodType } from 'zod';
import { appliedMarksSchema, type AppliedMarks } from './applied-marks.ts';
import { jsonCodec, type Codec } from './codec.ts';

/** One record of a group table's changelog: the key's state and the marks of what it has applied. */
export interface TableRecord<V> {
  value: V;
  marks: AppliedMarks;
}

/** JSON `{"value": ..., "marks": {...}}`, validated both ways like every other codec. */
export function tableRecordCodec<V>(schema: ZodType<V>): Codec<TableRecord<V>> {
  return jsonCodec(z.object({ value: schema, marks: appliedMarksSchema }) as unknown as ZodType<TableRecord<V>>);
}
