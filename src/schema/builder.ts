/** The Pothos builder and its plugins; no types here (see schema/index.ts). */
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import RelayPlugin, { decodeGlobalID } from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import SyncGlobalIdsPlugin from './sync-global-ids.js';
import type { FileUpload } from 'graphql-upload-minimal';
import type { Context } from '../context.js';
import { validationFailureFromIssues } from './validation.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Decimal: { Input: string; Output: string };
    Upload: { Input: Promise<FileUpload>; Output: never };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
  DefaultFieldNullability: false;
  // A connection's source that fails is a null edge (see schema/errors.ts failedSlot).
  DefaultEdgesNullability: { list: false; items: true };
}>({
  // Federation last of the libraries: it must see the resolvers the other plugins wrap. Ours after
  // it: the innermost wrapper, replacing only the relay plugin's own id resolver.
  plugins: [ErrorsPlugin, ValidationPlugin, RelayPlugin, DataloaderPlugin, DirectivesPlugin, FederationPlugin, SyncGlobalIdsPlugin],
  defaultFieldNullability: false,
  relay: {
    // A malformed id decodes to no type instead of throwing: the relay plugin's error cannot name
    // the argument, so each global-id argument's rule (globalIdOf) refuses it, naming it.
    decodeGlobalID: (globalID) => {
      try {
        return decodeGlobalID(globalID);
      } catch {
        return { typename: '', id: globalID };
      }
    },
    clientMutationId: 'omit',
    cursorType: 'String',
    nodesOnConnection: { description: 'The page of items without cursors (the same as edges { node }, null where an edge is null).' },
    // node and nodes are defined in schema/node.ts: a malformed id must null one slot, not the field.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
    defaultConnectionTypeOptions: { description: 'A page of a list (Relay connection): items with cursors and where the page sits.' },
    defaultEdgeTypeOptions: { description: 'One item of a page, with its cursor.' },
    nodeTypeOptions: { description: 'An object with a global id, refetchable through `node`.' },
    // Shareable: every Relay subgraph in a supergraph defines the same PageInfo.
    pageInfoTypeOptions: { description: 'Where a page of a connection sits in the whole list.', shareable: true },
    idFieldOptions: { description: 'Global id: opaque, stable, accepted by `node` and `nodes`.' },
    cursorFieldOptions: { description: 'Opaque cursor of this edge, for `after`/`before`.' },
    nodeFieldOptions: { description: 'The item at this edge.' },
    // Items nullable: a login or key whose page failed is one null edge, its error at that edge's path.
    edgesFieldOptions: {
      nullable: { list: false, items: true },
      description: 'The page of items, with their cursors. A login or key that failed is one null item where its items would be, with its error in `errors` at that item’s path; `first` counts items only.',
    },
    pageInfoFieldOptions: { description: 'Cursors and whether there are more items.' },
    hasNextPageFieldOptions: { description: 'True when more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'True when items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page; pass as `after` for the next page.' },
    firstArgOptions: { description: 'How many items from the start (or after `after`); at most 5000, default 50.' },
    afterArgOptions: { description: 'Cursor to continue after.' },
    lastArgOptions: { description: 'How many items from the end (or before `before`).' },
    beforeArgOptions: { description: 'Cursor to continue before.' },
  },
  errors: {
    defaultTypes: [],
    // Validation failures become typed results (ValidationError) rather than top-level errors.
    unsafelyHandleInputErrors: true,
  },
  validation: {
    validationError: (result) => validationFailureFromIssues(result.issues),
  },
});

builder.queryType({ description: 'Read the advertising accounts, advertisements and campaigns of every configured provider.' });
