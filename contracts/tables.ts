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

/** Names that must be unique within a list (subscriptions, segmentations, categories). */
function uniqueNames(what: string, nameOf: (item: never) => string) {
  return (items: readonly unknown[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const name = nameOf(item as never);
      if (seen.has(name))
        ctx.addIssue({ code: 'custom', path: [index], message: `a second ${what} is named ${name}` });
      seen.add(name);
    });
  };
}

export const Subscription = z
  .object({ name: z.string().min(1) })
  .loose()
  .meta({
    id: 'Subscription',
    ...fidelity(
      'modelled',
      'A subscription (opt-in) of a profile table; imports write it in a column mapped to `subscriptions#<name>` (that mapping is confirmed), with boolean values.',
    ),
  });
export type Subscription = z.infer<typeof Subscription>;

export const SegmentationType = z
  .enum(['SIMPLE', 'EXCLUSIVE'])
  .meta(
    fidelity(
      'modelled',
      'EXCLUSIVE: a profile is in at most one category (an import value replaces it); SIMPLE: in a set of categories (an import value adds one).',
    ),
  );
export type SegmentationType = z.infer<typeof SegmentationType>;

export const Segmentation = z
  .object({
    name: z.string().min(1),
    type: SegmentationType,
    categories: z
      .array(z.string().min(1))
      .min(1)
      .superRefine(uniqueNames('category', (category: string) => category)),
  })
  .loose()
  .meta({
    id: 'Segmentation',
    ...fidelity(
      'modelled',
      'A segmentation of a profile table; imports write it in a column mapped to `segmentations#<name>`, each value being one of its categories.',
    ),
  });
export type Segmentation = z.infer<typeof Segmentation>;

export const ProfileTableStructure = z
  .object({
    id: z.string(),
    name: z.string().min(1),
    attributes: z.array(ProfileAttribute),
    subscriptions: z
      .array(Subscription)
      .superRefine(uniqueNames('subscription', (s: Subscription) => s.name))
      .default([]),
    segmentations: z
      .array(Segmentation)
      .superRefine(uniqueNames('segmentation', (s: Segmentation) => s.name))
      .default([]),
  })
  .loose()
  .meta({
    id: 'ProfileTableStructure',
    ...fidelity(
      'confirmed',
      'Profile table structure: attributes (confirmed), subscriptions and segmentations (their existence is confirmed, their shape modelled).',
    ),
  });
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
