import { z } from 'zod';
import { fidelity } from './fidelity.js';

/** Storage types of custom attributes and custom-table columns. */
export const ValueType = z.enum([
  'STRING',
  'TEXT',
  'INTEGER',
  'NUMBER',
  'BOOLEAN',
  'DATE',
  'DATE_TIME',
  'TIMESTAMP',
  'EMAIL_ADDRESS',
  'PHONE_NUMBER',
  'LANGUAGE',
  'COUNTRY',
]);
export type ValueType = z.infer<typeof ValueType>;

/** Typed profile attributes; `CUSTOM` ones carry a `valueType`, `TECHNICAL` ones are set by the platform. */
export const ProfileAttributeType = z.enum([
  'CUSTOM',
  'TECHNICAL',
  'EMAIL_ADDRESS',
  'FIRSTNAME',
  'LASTNAME',
  'MOTHER_LANGUAGE',
  'BIRTHDATE',
  'SEX',
  'PHONE_NUMBER',
  'ADDRESS_COUNTRY',
  'ADDRESS_STREET',
  'ADDRESS_NUMBER',
  'ADDRESS_BOX',
  'ADDRESS_POSTAL_CODE',
  'ADDRESS_LOCALITY',
]);
export type ProfileAttributeType = z.infer<typeof ProfileAttributeType>;

export const ValueRestriction = z
  .object({
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
    acceptedValues: z.array(z.string()).optional(),
  })
  .loose();
export type ValueRestriction = z.infer<typeof ValueRestriction>;

export const ProfileAttribute = z
  .object({
    type: ProfileAttributeType,
    name: z.string().min(1),
    unique: z.boolean().default(false),
    mandatory: z.boolean().default(false),
    valueType: ValueType.optional(),
    valueRestriction: ValueRestriction.optional(),
    multiValued: z.boolean().optional(),
  })
  .loose()
  .meta(fidelity('confirmed', 'A profile table attribute (TECHNICAL is modelled).'));
export type ProfileAttribute = z.infer<typeof ProfileAttribute>;

export const ProfileTableStructure = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    attributes: z.array(ProfileAttribute),
  })
  .loose()
  .meta({ id: 'ProfileTableStructure', ...fidelity('confirmed', 'Profile table structure.') });
export type ProfileTableStructure = z.infer<typeof ProfileTableStructure>;

export const CustomAttribute = z
  .object({
    name: z.string().min(1),
    valueType: ValueType,
    mandatory: z.boolean().default(false),
    indexed: z.boolean().optional(),
    unique: z.boolean().default(false),
    valueRestriction: ValueRestriction.optional(),
  })
  .loose()
  .meta(fidelity('confirmed', 'A custom table column.'));
export type CustomAttribute = z.infer<typeof CustomAttribute>;

export const CustomTableStructure = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    type: z.string().default('INTERACTIONS'),
    primaryKeyAttribute: z.string().min(1),
    creationTimeAttribute: z.string().optional(),
    attributes: z.array(CustomAttribute),
  })
  .loose()
  .meta({ id: 'CustomTableStructure', ...fidelity('confirmed', 'Custom table structure.') });
export type CustomTableStructure = z.infer<typeof CustomTableStructure>;

export const TableType = z.enum(['PROFILE_TABLE', 'CUSTOM_TABLE']);
export type TableType = z.infer<typeof TableType>;
