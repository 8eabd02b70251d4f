import { SearchAttributeType, TypedSearchAttributes, defineSearchAttributeKey } from '@temporalio/common';

// Custom search attributes the API filters workflows by. The dev server registers them at every
// start; registering one that already exists in a persisted database is a no-op.
export const TlProcess = defineSearchAttributeKey('TlProcess', SearchAttributeType.KEYWORD);
export const TlStage = defineSearchAttributeKey('TlStage', SearchAttributeType.KEYWORD);
export const TlTrack = defineSearchAttributeKey('TlTrack', SearchAttributeType.KEYWORD);
export const TlSeries = defineSearchAttributeKey('TlSeries', SearchAttributeType.KEYWORD);
export const TlOrganisation = defineSearchAttributeKey('TlOrganisation', SearchAttributeType.KEYWORD);

export const SEARCH_ATTRIBUTES = [TlProcess, TlStage, TlTrack, TlSeries, TlOrganisation] as const;

export interface SearchAttributeSpec {
  name: string;
  type: SearchAttributeType;
}

/** `--search-attribute Name=Type` pairs for `temporal server start-dev`. */
export function searchAttributeArgs(keys: readonly SearchAttributeSpec[]): string[] {
  return keys.flatMap(({ name, type }) => ['--search-attribute', `${name}=${TypedSearchAttributes.toMetadataType(type)}`]);
}
