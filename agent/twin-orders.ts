/** The order book of the built-in plant twin at start, in the shape the agent reads order references against. */
import { INITIAL_ORDERS, PRODUCTS } from '../connectors/twin/product-catalogue';
import type { OrderRef } from './orders';

export function twinOrders(): OrderRef[] {
  const products = new Map(PRODUCTS.map((product) => [product.id, product]));
  return INITIAL_ORDERS.map((order) => ({
    id: order.id,
    productId: order.productId,
    productName: products.get(order.productId)?.name ?? '',
    productFamily: products.get(order.productId)?.family ?? '',
    lineId: order.lineId ?? null,
    quantity: order.quantity,
    complete: false,
  }));
}
