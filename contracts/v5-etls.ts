import { z } from 'zod';
import { fidelity } from './fidelity.js';
import { AttributeMapping, DataFile, ImportMode } from './format.js';
import { EntityPath } from './paths.js';
import { Compression, EtlExecution, EtlFormat, EtlTableRef, EtlTransformation } from './v5.js';

/**
 * Persistent ETLs: a definition stored once (`.../etls`), run by pushing only the data file
 * (`trigger-execution`, confirmed) or by dropping it in the ETL's file transfer location. Actito
 * publishes none of their JSON keys: every shape here is modelled on the one-shot definition.
 */

/** A file name after its `$yyyyMMdd`-style placeholders are expanded; never a path. */
const FileNamePattern = z
  .string()
  .min(1)
  .max(255)
  .refine((pattern) => !/[/\\]/.test(pattern), 'a file name pattern names a file, without folders')
  .meta({
    description:
      'File name, with `$yyyyMMdd`-style placeholders (`$yyyy`, `$yy`, `$MM`, `$dd`, `$HH`, `$mm`, `$ss`) expanded on the mock clock (UTC); matched exactly against the file name (without folders).',
  });

export const LocationId = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'a location id is 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  )
  .meta(fidelity('modelled', 'Id of a file transfer location; the mock watches the folder of that name.'));
export type LocationId = z.infer<typeof LocationId>;

export const EtlTableEntry = z
  .object({
    table: EtlTableRef,
    fileNamePattern: FileNamePattern.optional(),
    required: z.boolean().default(true).meta({
      description: 'A required file missing from a run ends it in ERROR; an optional one may be absent.',
    }),
    mode: ImportMode.optional().meta({ description: "Overrides the ETL's mode for this table." }),
    attributesMapping: z.array(AttributeMapping).default([]),
    transformations: z.array(EtlTransformation).default([]),
  })
  .loose()
  .meta({
    id: 'EtlTableEntry',
    ...fidelity('modelled', 'One destination table of a persistent ETL and the file that feeds it.'),
  });
export type EtlTableEntry = z.output<typeof EtlTableEntry>;

const definitionShape = {
  name: z.string().min(1).max(255).optional(),
  mode: ImportMode,
  file: z
    .object({
      compression: Compression.optional().meta({
        description:
          'Compression of the pushed or dropped file (a ZIP may hold one CSV per table); detected when left out.',
      }),
      fileNamePattern: FileNamePattern.optional().meta({
        description:
          'Name of the file (or archive) dropped in the file transfer location that starts this ETL; without it a dropped file starts the ETL when it matches a table entry.',
      }),
    })
    .loose()
    .optional(),
  format: EtlFormat.default({ separator: ';', enclosing: '"', escaping: '"', encoding: 'UTF-8' }),
  tables: z.array(EtlTableEntry).min(1, 'an ETL needs at least one table entry').max(20),
  fileTransferLocation: z.object({ locationId: LocationId }).loose().optional(),
  reportRecipients: z.array(z.email()).default([]),
  outputFiles: z
    .object({
      generateResultFile: z.boolean().default(false),
      generateErrorFile: z.boolean().default(false),
    })
    .default({ generateResultFile: false, generateErrorFile: false }),
};

/** Several tables need a pattern each, and no two the same, so every file finds exactly one table. */
function checkPatterns(
  definition: { tables: { fileNamePattern?: string | undefined }[] },
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, number>();
  definition.tables.forEach((entry, index) => {
    const pattern = entry.fileNamePattern;
    if (pattern === undefined) {
      if (definition.tables.length > 1)
        ctx.addIssue({
          code: 'custom',
          path: ['tables', index, 'fileNamePattern'],
          message:
            'an ETL with several tables needs a fileNamePattern per table, to match each file to its table',
        });
      return;
    }
    const previous = seen.get(pattern);
    if (previous !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['tables', index, 'fileNamePattern'],
        message: `the same pattern as tables[${previous}]; each table needs its own file`,
      });
    seen.set(pattern, index);
  });
}

export const PersistentEtlDefinition = z
  .object(definitionShape)
  .loose()
  .superRefine(checkPatterns)
  .meta({
    id: 'PersistentEtlDefinition',
    ...fidelity(
      'modelled',
      'A persistent ETL (the body of create and replace): format, mode, output files and report recipients as in a one-shot definition, and one entry per destination table. Unknown keys are ignored.',
    ),
  });
export type PersistentEtlDefinitionInput = z.input<typeof PersistentEtlDefinition>;
export type PersistentEtlDefinition = z.output<typeof PersistentEtlDefinition>;

export const PersistentEtl = z
  .object({
    id: z.string().regex(/^\d+$/),
    ...definitionShape,
    creationMoment: z.string(),
    updateMoment: z.string(),
  })
  .loose()
  .meta({
    id: 'PersistentEtl',
    ...fidelity(
      'modelled',
      'A stored ETL: its id (a numeric string), its definition and when it was last replaced.',
    ),
  });
export type PersistentEtl = z.infer<typeof PersistentEtl>;

/** Paging of the list routes (modelled, as for the V5 profile lists): `page` from 0, `size` per page. */
export const PageInfo = z
  .object({
    number: z.number().int(),
    size: z.number().int(),
    totalElements: z.number().int(),
    totalPages: z.number().int(),
  })
  .meta(
    fidelity('modelled', 'Which page this is (from 0), its size, and how many elements and pages there are.'),
  );
export type PageInfo = z.infer<typeof PageInfo>;

const pageQuery = {
  page: z.coerce.number().int().min(0).default(0).meta({ description: 'Page number, from 0 (default 0).' }),
  size: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(20)
    .meta({ description: 'Elements per page, 1 to 100 (default 20).' }),
};

export const PageQuery = z.object(pageQuery).meta(fidelity('modelled', 'Paging of a list.'));
export type PageQuery = z.output<typeof PageQuery>;

export const PersistentEtlList = z
  .object({ etls: z.array(PersistentEtl), page: PageInfo })
  .meta({ id: 'PersistentEtlList', ...fidelity('modelled', 'The ETLs of an entity, by id, one page.') });
export type PersistentEtlList = z.infer<typeof PersistentEtlList>;

export const EtlPath = EntityPath.extend({
  etlId: z.string().regex(/^\d+$/).meta({ description: 'ETL id, a numeric string.' }),
}).meta(fidelity('confirmed', 'Path parameters of one persistent ETL (`.../etls/{etlId}`).'));
export type EtlPath = z.infer<typeof EtlPath>;

export const EtlTriggerUpload = z.object({ inputFile: DataFile }).meta({
  id: 'EtlTriggerUpload',
  ...fidelity(
    'modelled',
    'multipart/form-data with only the data file (confirmed): a CSV, a GZIP, or a ZIP holding one CSV per table entry, matched by fileNamePattern. The part name is modelled: `inputFile` (aliases `file`, `data`).',
  ),
});
export type EtlTriggerUpload = z.infer<typeof EtlTriggerUpload>;

export const EtlExecutionListQuery = z
  .object({
    etlId: z
      .string()
      .regex(/^\d+$/, 'an ETL id is a numeric string')
      .optional()
      .meta({ description: 'Only the executions of this ETL; every execution of the entity when left out.' }),
    ...pageQuery,
  })
  .meta(fidelity('modelled', 'Query of the execution list (confirmed: `etlId`; modelled: the paging).'));
export type EtlExecutionListQuery = z.output<typeof EtlExecutionListQuery>;

/** A file of a persistent ETL execution that matched no table entry: reported, then skipped. */
export const IgnoredFile = z
  .object({ name: z.string(), reason: z.string() })
  .meta(fidelity('modelled', 'A file of the upload that no table entry took, and why.'));
export type IgnoredFile = z.infer<typeof IgnoredFile>;

/** An execution of a persistent ETL: the one-shot shape, plus the ETL it ran and its files. */
export const PersistentEtlExecution = EtlExecution.extend({
  etlId: z.string(),
  definition: PersistentEtlDefinition,
  trigger: z.enum(['TRIGGER_EXECUTION', 'FILE_TRANSFER']).meta({
    description:
      'What started it: a `trigger-execution` call, or a file dropped in the file transfer location.',
  }),
  inputFile: z.string().nullable().meta({ description: 'Name of the pushed or dropped file.' }),
  ignoredFiles: z.array(IgnoredFile),
}).meta({
  id: 'PersistentEtlExecution',
  ...fidelity(
    'modelled',
    'An execution of a persistent ETL: its ETL id (confirmed by the webhook payload) and, modelled, the ETL definition as it was when the execution started, what started it, and the files no table entry took.',
  ),
});
export type PersistentEtlExecution = z.infer<typeof PersistentEtlExecution>;

export const AnyEtlExecution = z.union([PersistentEtlExecution, EtlExecution]).meta({
  id: 'AnyEtlExecution',
  ...fidelity('modelled', 'A one-shot execution, or one of a persistent ETL (with `etlId`).'),
});
export type AnyEtlExecution = z.infer<typeof AnyEtlExecution>;

export const EtlExecutionList = z.object({ etlExecutions: z.array(AnyEtlExecution), page: PageInfo }).meta({
  id: 'EtlExecutionList',
  ...fidelity('modelled', 'Executions of an entity (or of one ETL), newest first, one page.'),
});
export type EtlExecutionList = z.infer<typeof EtlExecutionList>;

// ---- The mock's own side: dropping a file in a file transfer location ----

export const FileDropPath = z
  .object({ locationId: LocationId })
  .meta(fidelity('modelled', 'The file transfer location a file is dropped in.'));
export type FileDropPath = z.infer<typeof FileDropPath>;

export const FileDropUpload = z.object({ file: DataFile }).meta({
  id: 'FileDropUpload',
  ...fidelity('modelled', 'multipart/form-data with part `file`: the dropped file, named by its filename.'),
});
export type FileDropUpload = z.infer<typeof FileDropUpload>;

export const FileDropResponse = z
  .object({
    locationId: z.string(),
    name: z.string(),
    outcome: z.enum(['processed', 'failed']).meta({
      description:
        '`processed`: the file started an execution that could read it (the folder watcher moves it to processed/); `failed`: it started none, or none could read it (moved to failed/).',
    }),
    reason: z.string().nullable(),
    executions: z.array(
      z.object({ entity: z.string(), etlId: z.string(), executionId: z.string(), status: z.string() }),
    ),
  })
  .meta({
    id: 'FileDropResponse',
    ...fidelity('modelled', 'What a dropped file did: the executions it started in this tenant.'),
  });
export type FileDropResponse = z.infer<typeof FileDropResponse>;
