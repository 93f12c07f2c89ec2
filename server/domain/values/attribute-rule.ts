import type {
  CustomAttribute,
  ProfileAttribute,
  Segmentation,
  Subscription,
  ValueRestriction,
  ValueType,
} from '../../../contracts/tables.js';

/** What a value must look like, independent of whether it sits in a profile or a custom table. */
export type ValueKind =
  | 'STRING'
  | 'INTEGER'
  | 'NUMBER'
  | 'BOOLEAN'
  | 'DATE'
  | 'DATE_TIME'
  | 'EMAIL'
  | 'PHONE'
  | 'LANGUAGE'
  | 'COUNTRY'
  | 'SEX'
  /** A profile's subscription: a boolean; an empty value leaves it unchanged. */
  | 'SUBSCRIPTION'
  /** An EXCLUSIVE segmentation: one category; a value replaces the profile's. */
  | 'CATEGORY'
  /** A SIMPLE segmentation: a set of categories; a value adds one to the profile's. */
  | 'CATEGORY_SET';

export interface AttributeRule {
  name: string;
  kind: ValueKind;
  mandatory: boolean;
  unique: boolean;
  restriction: { minLength?: number; maxLength?: number; acceptedValues?: readonly string[] };
}

/** Actito stores strings in at most 255 characters; a restriction can only narrow that. */
export const MAX_STRING_LENGTH = 255;

const KIND_OF_VALUE_TYPE: Record<ValueType, ValueKind> = {
  STRING: 'STRING',
  TEXT: 'STRING',
  INTEGER: 'INTEGER',
  NUMBER: 'NUMBER',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATE_TIME: 'DATE_TIME',
  TIMESTAMP: 'DATE_TIME',
  EMAIL_ADDRESS: 'EMAIL',
  PHONE_NUMBER: 'PHONE',
  LANGUAGE: 'LANGUAGE',
  COUNTRY: 'COUNTRY',
};

/** `null` for TECHNICAL attributes: the platform sets them, an import never writes them. */
export function ruleForProfileAttribute(attribute: ProfileAttribute): AttributeRule | null {
  const kind = profileAttributeKind(attribute);
  if (kind === null) return null;
  return buildRule(attribute, kind);
}

export function ruleForCustomAttribute(attribute: CustomAttribute): AttributeRule {
  return buildRule(attribute, KIND_OF_VALUE_TYPE[attribute.valueType]);
}

/**
 * Subscriptions and segmentations are columns of a profile table named as an import maps them
 * (`subscriptions#Newsletter`, `segmentations#Interests`), checked and stored like attributes.
 */
export const SUBSCRIPTION_PREFIX = 'subscriptions#';
export const SEGMENTATION_PREFIX = 'segmentations#';

export function ruleForSubscription(subscription: Subscription): AttributeRule {
  return buildRule({ name: `${SUBSCRIPTION_PREFIX}${subscription.name}` }, 'SUBSCRIPTION');
}

/** A value must be one of the segmentation's categories (compared as written, case included). */
export function ruleForSegmentation(segmentation: Segmentation): AttributeRule {
  return buildRule(
    {
      name: `${SEGMENTATION_PREFIX}${segmentation.name}`,
      valueRestriction: { acceptedValues: segmentation.categories },
    },
    segmentation.type === 'EXCLUSIVE' ? 'CATEGORY' : 'CATEGORY_SET',
  );
}

function profileAttributeKind(attribute: ProfileAttribute): ValueKind | null {
  switch (attribute.type) {
    case 'TECHNICAL':
      return null;
    case 'CUSTOM':
      // A CUSTOM attribute whose structure omits valueType is treated as free text.
      return attribute.valueType === undefined ? 'STRING' : KIND_OF_VALUE_TYPE[attribute.valueType];
    case 'EMAIL_ADDRESS':
      return 'EMAIL';
    case 'MOTHER_LANGUAGE':
      return 'LANGUAGE';
    case 'BIRTHDATE':
      return 'DATE';
    case 'SEX':
      return 'SEX';
    case 'PHONE_NUMBER':
      return 'PHONE';
    case 'ADDRESS_COUNTRY':
      return 'COUNTRY';
    case 'FIRSTNAME':
    case 'LASTNAME':
    case 'ADDRESS_STREET':
    case 'ADDRESS_NUMBER':
    case 'ADDRESS_BOX':
    case 'ADDRESS_POSTAL_CODE':
    case 'ADDRESS_LOCALITY':
      return 'STRING';
  }
}

function buildRule(
  attribute: { name: string; mandatory?: boolean; unique?: boolean; valueRestriction?: ValueRestriction },
  kind: ValueKind,
): AttributeRule {
  return {
    name: attribute.name,
    kind,
    mandatory: attribute.mandatory ?? false,
    unique: attribute.unique ?? false,
    restriction: restrictionFor(kind, attribute.valueRestriction),
  };
}

/**
 * Lengths only constrain free text: typed kinds have their own format, and a length limit there
 * would only add a second, confusing error for the same value. Accepted values apply to every kind
 * and are compared with the canonical stored form.
 */
function restrictionFor(
  kind: ValueKind,
  restriction: ValueRestriction | undefined,
): AttributeRule['restriction'] {
  const result: AttributeRule['restriction'] = {};
  if (kind === 'STRING') {
    if (restriction?.minLength !== undefined && restriction.minLength > 0)
      result.minLength = restriction.minLength;
    result.maxLength = Math.min(MAX_STRING_LENGTH, restriction?.maxLength ?? MAX_STRING_LENGTH);
  }
  // An empty list would reject every value, which no structure can mean: read it as "no list".
  if (restriction?.acceptedValues?.length) result.acceptedValues = [...restriction.acceptedValues];
  return result;
}
