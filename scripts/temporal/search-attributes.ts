import { SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

// The keys live with the workflows that publish them; the dev server registers each at start
// (registering one that already exists in a persisted database is a no-op).
export { SEARCH_ATTRIBUTES, TlOrganisation, TlProcess, TlSeries, TlStage, TlTrack } from '../../domain/search-attributes';

export interface SearchAttributeSpec {
  name: string;
  type: SearchAttributeType;
}

/** `--search-attribute Name=Type` pairs for `temporal server start-dev`. */
export function searchAttributeArgs(keys: readonly SearchAttributeSpec[]): string[] {
  return keys.flatMap(({ name, type }) => ['--search-attribute', `${name}=${TypedSearchAttributes.toMetadataType(type)}`]);
}
