/** Rows the Material page shows (the material_status tool's output shape). */
export type PartStatusRow = {
  partNumber: string;
  description: string;
  stockWarehouse: number;
  stockLineSide: Record<string, number>;
  lineSideRunOutAt: Record<string, string | null>;
  plantRunOutAt: string | null;
  minFloorLifeH: number | null;
};
