import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { EntityPath } from './paths.js';

/** Storage types of custom attributes and custom-table columns. */
export const ValueType = z
  .enum([
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
  ])
  .meta(fidelity('confirmed', 'Storage type of a custom attribute or custom-table column.'));
export type ValueType = z.infer<typeof ValueType>;

/** Typed profile attributes; `CUSTOM` ones carry a `valueType`, `TECHNICAL` ones are set by the platform. */
export const ProfileAttributeType = z
  .enum([
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
  ])
  .meta(
    fidelity(
      'confirmed',
      'Type of a profile attribute; CUSTOM ones carry a valueType. TECHNICAL (set by the platform) is modelled.',
    ),
  );
export type ProfileAttributeType = z.infer<typeof ProfileAttributeType>;

export const ValueRestriction = z
  .object({
    minLength: z.number().int().nonnegative().optional(),
    maxLength: z.number().int().positive().optional(),
    acceptedValues: z.array(z.string()).optional(),
  })
  .loose()
  .meta(fidelity('confirmed', 'Limits on an attribute value: length bounds or a list of accepted values.'));
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

export const TableType = z
  .enum(['PROFILE_TABLE', 'CUSTOM_TABLE'])
  .meta(fidelity('modelled', 'Kind of table an import writes to.'));
export type TableType = z.infer<typeof TableType>;

export const ProfileTableList = z.object({ profileTables: z.array(ProfileTableStructure) }).meta({
  id: 'ProfileTableList',
  ...fidelity('modelled', 'The profile tables of an entity (the list wrapper is modelled).'),
});
export type ProfileTableList = z.infer<typeof ProfileTableList>;

export const CustomTableList = z.object({ customTables: z.array(CustomTableStructure) }).meta({
  id: 'CustomTableList',
  ...fidelity('modelled', 'The custom tables of an entity (the list wrapper is modelled).'),
});
export type CustomTableList = z.infer<typeof CustomTableList>;

export const TableStructurePath = EntityPath.extend({
  table: z.string().min(1).meta({ description: 'Table name or id.' }),
}).meta(
  fidelity('modelled', 'Path parameters of one table structure (the name as well as the id is modelled).'),
);
export type TableStructurePath = z.infer<typeof TableStructurePath>;
