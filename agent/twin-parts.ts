/**
 * The part list of the built-in plant twin, in the shape the agent reads part names against. With
 * the material service running, the server lists the parts of its snapshot instead.
 */
import { PARTS, SUPPLIERS } from '../connectors/twin/material/parts-catalogue';
import type { PartRef } from './parts';

export function twinParts(): PartRef[] {
  const supplierName = new Map(SUPPLIERS.map((supplier) => [supplier.id, supplier.name]));
  return PARTS.map((part) => ({
    partNumber: part.partNumber,
    description: part.description,
    supplier: supplierName.get(part.supplierId),
    supplierId: part.supplierId,
  }));
}
