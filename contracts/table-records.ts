import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { EntityPath } from './paths.js';
import { PageInfo } from './v5-etls.js';

/*
 * The single-record data APIs on the tables the imports write (contract section 11): V4 profiles,
 * V4 custom records, V5 profiles. [C] is `confirmed`, [K] (seen in client code) `observed`, [M]
 * `modelled`. Input is lenient where modelled (unknown keys ignored), output is what clients read.
 */

const observed = (id: string, description: string) => ({ id, ...fidelity('observed', description) });

/** A value as a client sends it: text, a number, a boolean, or null for no value. */
const InputValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A value as the mock answers it: typed as its attribute (a SIMPLE segmentation as a list). */
const OutputValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const RecordProperty = z
  .object({
    name: z.string().min(1),
    value: InputValue.optional().meta({ description: 'Left out or null: no value.' }),
  })
  .meta(
    observed(
      'RecordProperty',
      'One attribute of a profile or custom record, `{name, value}` (the array shape is confirmed for profiles).',
    ),
  );
export type RecordProperty = z.infer<typeof RecordProperty>;

export const RecordValue = z
  .object({ name: z.string(), value: OutputValue })
  .meta(
    observed(
      'RecordValue',
      'One attribute as the mock answers it, typed as the attribute: numbers, booleans, text; dates as an import writes them.',
    ),
  );
export type RecordValue = z.infer<typeof RecordValue>;

export const ProfileSubscription = z
  .object({ name: z.string().min(1), subscribe: z.boolean() })
  .meta(
    observed('ProfileSubscription', 'A subscription of a profile: its name and whether it is subscribed.'),
  );
export type ProfileSubscription = z.infer<typeof ProfileSubscription>;

export const ProfileSegmentation = z
  .object({
    belongs: z.boolean().default(true),
    segmentation: z.object({ name: z.string().min(1), category: z.string().min(1) }),
  })
  .meta(
    observed(
      'ProfileSegmentation',
      '`belongs: true` puts the profile in the category (an EXCLUSIVE segmentation replaces its category, a SIMPLE one adds it); `belongs: false` takes it out.',
    ),
  );
export type ProfileSegmentation = z.input<typeof ProfileSegmentation>;

export const DataCollectionInformation = z
  .object({
    date: z.string().max(64).optional(),
    source: z.string().max(255).optional(),
    way: z.string().max(255).optional(),
  })
  .loose()
  .meta(
    observed(
      'DataCollectionInformation',
      'Where and when the data was collected (consent history); checked, not stored by the mock.',
    ),
  );
export type DataCollectionInformation = z.infer<typeof DataCollectionInformation>;

export const ProfileInput = z
  .object({
    attributes: z.array(RecordProperty).max(1000).default([]),
    subscriptions: z.array(ProfileSubscription).max(1000).default([]),
    segmentations: z.array(ProfileSegmentation).max(1000).default([]),
    dataCollectionInformation: DataCollectionInformation.optional(),
  })
  .loose()
  .meta({
    id: 'ProfileInput',
    ...fidelity(
      'confirmed',
      'A profile to create or update: its sections are confirmed, their element shapes seen in clients. Technical attributes (profileId, creationMoment, updateMoment) are ignored and noted in the journal; unknown keys are ignored.',
    ),
  });
export type ProfileInput = z.input<typeof ProfileInput>;

export const Profile = z
  .object({
    attributes: z.array(RecordValue),
    subscriptions: z.array(ProfileSubscription),
    segmentations: z.array(
      z.object({
        belongs: z.literal(true),
        segmentation: z.object({ name: z.string(), category: z.string() }),
      }),
    ),
  })
  .meta(
    observed(
      'Profile',
      'A profile: every attribute (profileId, creationMoment and updateMoment among them), every subscription of the table, and the categories it belongs to.',
    ),
  );
export type Profile = z.infer<typeof Profile>;

export const ProfileList = z
  .object({ profiles: z.array(Profile) })
  .meta(observed('ProfileList', 'The profiles a search found, in the order they were created.'));
export type ProfileList = z.infer<typeof ProfileList>;

export const ProfileWritten = z
  .object({ profileId: z.number().int() })
  .meta(observed('ProfileWritten', 'The id of the profile created or updated.'));
export type ProfileWritten = z.infer<typeof ProfileWritten>;

export const ProfileSubscriptionList = z.object({ subscriptions: z.array(ProfileSubscription) }).meta({
  id: 'ProfileSubscriptionList',
  ...fidelity('modelled', 'Every subscription of the table and whether the profile is subscribed to it.'),
});
export type ProfileSubscriptionList = z.infer<typeof ProfileSubscriptionList>;

const flag = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true')
  .meta({ description: '`true` or `false`.' });

export const ProfileCreateQuery = z
  .object({
    allowUpdate: flag.optional().meta({
      description:
        '`true`: a profile matching a unique attribute of the body is updated. Otherwise that is a 400 PROFILE_ALREADY_EXISTS.',
    }),
  })
  .meta(fidelity('confirmed', 'Query of a profile creation (`allowUpdate` is confirmed).'));
export type ProfileCreateQuery = z.output<typeof ProfileCreateQuery>;

/** How many records a search answers: 100 unless told, at most 1,000. */
export const MAX_SEARCH_RESULTS = 1000;
const number = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_SEARCH_RESULTS)
  .default(100)
  .meta({ description: 'How many to answer at most: 1 to 1000, 100 by default.' });

export const ProfileSearchQuery = z
  .object({
    search: z.string().optional().meta({
      description: 'One equality, `attribute=value` (URL-encoded: `emailAddress%3Dann%40example.com`).',
    }),
    number,
    dateFilter: z.string().optional().meta({ description: 'Not emulated: a 400 says so.' }),
  })
  .meta(
    fidelity(
      'observed',
      '`search`, `dateFilter` and `number` are what clients send; one equality and the limits are modelled.',
    ),
  );
export type ProfileSearchQuery = z.output<typeof ProfileSearchQuery>;

export const ProfileTablePath = EntityPath.extend({
  table: z.string().min(1).meta({ description: 'Profile table name or id.' }),
}).meta(fidelity('confirmed', 'Path parameters of a profile table.'));
export type ProfileTablePath = z.infer<typeof ProfileTablePath>;

export const ProfilePath = ProfileTablePath.extend({
  profile: z.string().min(1).meta({
    description:
      'The profile: its id (`7`), or a unique attribute and its value (`emailAddress=ann@example.com`, `customerId=C7`).',
  }),
}).meta(fidelity('observed', 'Path parameters of one profile, by id or by a unique attribute.'));
export type ProfilePath = z.infer<typeof ProfilePath>;

export const ProfileSubscriptionPath = ProfilePath.extend({
  subscription: z.string().min(1).meta({ description: 'Subscription name, e.g. Newsletter.' }),
}).meta(fidelity('observed', 'Path parameters of one subscription of one profile.'));
export type ProfileSubscriptionPath = z.infer<typeof ProfileSubscriptionPath>;

// ---- Custom records ----

export const CustomRecordInput = z
  .object({ properties: z.array(RecordProperty).max(1000) })
  .loose()
  .meta(
    observed(
      'CustomRecordInput',
      'A custom record to write: its attributes as `{name, value}`. creationMoment, updateMoment and id are ignored and noted in the journal.',
    ),
  );
export type CustomRecordInput = z.input<typeof CustomRecordInput>;

export const CustomRecord = z
  .object({ properties: z.array(RecordValue) })
  .meta(
    observed('CustomRecord', 'A custom record: every attribute, creationMoment and updateMoment included.'),
  );
export type CustomRecord = z.infer<typeof CustomRecord>;

export const CustomRecordList = z
  .object({ records: z.array(CustomRecord) })
  .meta(
    observed('CustomRecordList', 'The records a search found, sorted as asked (else in creation order).'),
  );
export type CustomRecordList = z.infer<typeof CustomRecordList>;

export const CustomRecordWritten = z
  .object({ businessKey: z.string() })
  .meta(observed('CustomRecordWritten', 'The primary key value of the record written.'));
export type CustomRecordWritten = z.infer<typeof CustomRecordWritten>;

export const CustomRecordSearchQuery = z
  .object({
    searchField: z.string().optional().meta({ description: 'An attribute; with searchValue, one equality.' }),
    searchValue: z.string().optional(),
    sortedField: z.string().optional().meta({ description: 'An attribute to sort on (empty values last).' }),
    ascending: flag.optional().meta({ description: '`true` (default) or `false`.' }),
    number,
  })
  .meta(
    fidelity(
      'observed',
      'The query parameters clients send; one equality, the sort and the limits are modelled.',
    ),
  );
export type CustomRecordSearchQuery = z.output<typeof CustomRecordSearchQuery>;

export const CustomTablePath = EntityPath.extend({
  table: z.string().min(1).meta({ description: 'Custom table name or id.' }),
}).meta(fidelity('observed', 'Path parameters of a custom table, by name or id.'));
export type CustomTablePath = z.infer<typeof CustomTablePath>;

export const CustomRecordPath = CustomTablePath.extend({
  key: z.string().min(1).meta({ description: 'The value of the table’s primary key attribute.' }),
}).meta(fidelity('observed', 'Path parameters of one custom record, by its primary key value.'));
export type CustomRecordPath = z.infer<typeof CustomRecordPath>;

// ---- V5 profiles (modelled on one client) ----

const flatValues = z.record(z.string(), InputValue);

export const V5ProfileUpsert = z
  .object({
    key: flatValues.meta({
      description:
        'The one unique attribute to match the profile on, and its value: `{"emailAddress": "..."}`.',
    }),
    attributes: flatValues.default({}),
    subscriptions: z.record(z.string(), z.boolean()).default({}),
    segmentations: z
      .record(z.string(), z.union([z.string(), z.array(z.string()), z.null()]))
      .default({})
      .meta({ description: 'A category (a SIMPLE segmentation: also a list), null to leave it.' }),
  })
  .loose()
  .meta({
    id: 'V5ProfileUpsert',
    ...fidelity(
      'modelled',
      'A profile upsert as one 2026 client sends it: flat `key`, `attributes`, `subscriptions`.',
    ),
  });
export type V5ProfileUpsert = z.input<typeof V5ProfileUpsert>;

export const V5Profile = z
  .object({
    profileId: z.number().int(),
    attributes: z.record(z.string(), OutputValue),
    subscriptions: z.record(z.string(), z.boolean()),
    segmentations: z.record(z.string(), OutputValue),
  })
  .meta({ id: 'V5Profile', ...fidelity('modelled', 'A profile as the V5 list shows it: flat objects.') });
export type V5Profile = z.infer<typeof V5Profile>;

export const V5ProfileList = z.object({ profiles: z.array(V5Profile), page: PageInfo }).meta({
  id: 'V5ProfileList',
  ...fidelity('modelled', 'One page of the profiles of a table, in creation order.'),
});
export type V5ProfileList = z.infer<typeof V5ProfileList>;

// ---- Data webhooks ----

export const DataWebhookPayload = z
  .object({
    id: z.string().meta({ description: 'A UUID per POST.' }),
    tableType: z.enum(['PROFILE_TABLE', 'CUSTOM_TABLE']),
    tableId: z.string(),
    eventType: z.enum(['CREATE', 'UPDATE', 'DELETE', 'UPDATED_SUBSCRIPTION', 'UPDATED_SEGMENT']),
    fields: z
      .array(z.string())
      .nullable()
      .meta({ description: 'The subscription’s onFields; null without.' }),
    data: z.union([z.record(z.string(), z.unknown()), z.array(z.record(z.string(), z.unknown()))]).meta({
      description:
        'ONE_BY_ONE: one record event, BULK: an array. Values as text: the attributes the write supplied, the record’s unique identifiers (profileId; a custom record’s businessKey and id), a subscription by its name.',
    }),
    _links: z.object({ webhook: z.object({ href: z.string() }) }),
  })
  .meta(
    observed(
      'DataWebhookPayload',
      'What a data webhook POSTs: the envelope keys and a CUSTOM_TABLE sample are seen in Actito’s own code; the rest is modelled on them.',
    ),
  );
export type DataWebhookPayload = z.infer<typeof DataWebhookPayload>;
