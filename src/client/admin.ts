/**
 * The site's additions to Decap CMS at /admin/, loaded after Decap's own script.
 *
 * An optional field an editor fills in and then empties again stays in the entry as
 * `""`, `null`, an empty list or a group of empty fields (a removed image), and Decap
 * would save `updated: ""` or `image: {src: "", alt: ""}`, which the check rightly
 * refuses. Before each save, such fields are dropped, so the file says only what the
 * editor gave. Required fields never reach this point empty: Decap will not save them.
 */

/** The parts of Decap's Immutable.js values used here: the entry data and its groups and lists. */
interface ImmutableCollection {
  size: number;
  toJS(): unknown;
  map(mapper: (value: unknown) => unknown): ImmutableCollection;
  filter(predicate: (value: unknown) => boolean): ImmutableCollection;
}

interface DecapEntry {
  get(key: "data"): ImmutableCollection;
}

interface DecapCms {
  registerEventListener(listener: { name: "preSave"; handler: (event: { entry: DecapEntry }) => ImmutableCollection }): void;
}

const isCollection = (value: unknown): value is ImmutableCollection =>
  typeof value === "object" && value !== null && typeof (value as ImmutableCollection).toJS === "function";

const isEmpty = (value: unknown): boolean => value === "" || value === null || value === undefined || (isCollection(value) && value.size === 0);

/** A group of fields without its empty ones (nested groups too); lists are kept as they are. */
function withoutEmpty(value: unknown): unknown {
  if (!isCollection(value) || Array.isArray(value.toJS())) return value;
  return value.map(withoutEmpty).filter((inner) => !isEmpty(inner));
}

const cms = (window as unknown as { CMS?: DecapCms }).CMS;
cms?.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => withoutEmpty(entry.get("data")) as ImmutableCollection,
});
