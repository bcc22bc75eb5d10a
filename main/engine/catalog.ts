/** The check catalog as the api and the command line see it: metadata and version, no evaluators. */
export { CATALOG_VERSION, catalogMeta } from '../checks/catalog';
