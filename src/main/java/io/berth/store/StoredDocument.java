package io.berth.store;

/**
 * A record the store keeps as a JSON document: the store's own shape, not a wire request or
 * response, nor another service's type, so an API or a neighbour changing its classes cannot
 * change what is on disk (ArchitectureTest holds this). Its evolution rule: members are only
 * added (a document without one reads it as null, or as the default its record's constructor
 * gives); a change of meaning writes a higher {@code schema} and the reader keeps reading the
 * lower ones. Documents written before a type carried {@code schema} read as its schema 1.
 */
public interface StoredDocument {
}
