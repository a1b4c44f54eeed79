/**
 * The production orders the agent can talk about (id, product, line), provided at run time by
 * whoever knows the order book (the twin's catalogue, or the scheduler's plant), so the offline
 * model reads "der HMI-Auftrag auf Linie 2" as the one open HMI order on that line.
 */
import { z } from 'zod';

export const OrderRef = z.object({
  id: z.string().min(1),
  productId: z.string().min(1),
  /** The product's name as the plant writes it ("HMI 7\" main board"); empty when unknown. */
  productName: z.string().default(''),
  productFamily: z.string().default(''),
  lineId: z.string().nullable().default(null),
  /** Boards ordered: "the 600 IO modules" is the IO order of 600 when there are two. */
  quantity: z.number().int().positive().optional(),
  /** A finished order is never the one meant by "the HMI order". */
  complete: z.boolean().default(false),
});
export type OrderRef = z.infer<typeof OrderRef>;

export type ListOrders = () => Promise<OrderRef[]>;
