import type { ContentTypeDefinition, ListingContext } from "../../src/content/definition.ts";
import { CONTENT_TYPES, type TypeCollections } from "../../src/content/types.ts";

/**
 * The collections a layout receives, for page data made by hand: each type's collection
 * built from no items, as a site without that type's content has it, with the ones a test
 * cares about given in `own`. A type added later gets its empty collection here by itself.
 */
export function typeCollections(context: ListingContext, own: Partial<TypeCollections> = {}): TypeCollections {
  const built = CONTENT_TYPES.flatMap((type) => {
    const definition = type as unknown as ContentTypeDefinition;
    return definition.collection ? [[definition.collection.name, definition.collection.build([], context)] as const] : [];
  });
  return { ...Object.fromEntries(built), ...own } as TypeCollections;
}
